<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DemoData</name>
    <message>
        <source>Creating the demo data failed: %1 answered %2.</source>
        <extracomment>%1 is an engine command (e.g. HoldSeats), %2 a status (e.g. SeatUnavailable).</extracomment>
        <translation>Creating the demo data failed: %1 answered %2.</translation>
    </message>
    <message>
        <source>house seats</source>
        <translation>house seats</translation>
    </message>
    <message>
        <source>Could not create the demo event “%1”: %2</source>
        <extracomment>%1 is the event&apos;s name, %2 the engine&apos;s explanation.</extracomment>
        <translation>Could not create the demo event “%1”: %2</translation>
    </message>
    <message>
        <source>Usher Demo Night</source>
        <translation>Usher Demo Night</translation>
    </message>
    <message>
        <source>Studio Theatre</source>
        <translation>Studio Theatre</translation>
    </message>
    <message>
        <source>Late Jazz in the Studio</source>
        <translation>Late Jazz in the Studio</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 %2</source>
        <extracomment>An amount of money: %1 is the number, %2 the ISO 4217 currency code.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>When an event starts: %1 is the date, %2 the time of day.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>channel %1</translation>
    </message>
</context>
<context>
    <name>SeatMapPalette</name>
    <message>
        <source>available</source>
        <translation>available</translation>
    </message>
    <message>
        <source>allocated to this box office</source>
        <translation>allocated to this box office</translation>
    </message>
    <message>
        <source>allocated to another channel</source>
        <translation>allocated to another channel</translation>
    </message>
    <message>
        <source>held by me</source>
        <translation>held by me</translation>
    </message>
    <message>
        <source>held by someone else</source>
        <translation>held by someone else</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>sold</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
</context>
<context>
    <name>SeatStateStyle</name>
    <message>
        <source>available</source>
        <translation>available</translation>
    </message>
    <message>
        <source>allocated to a channel</source>
        <translation>allocated to a channel</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>sold</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
</context>
<context>
    <name>TicketRenderer</name>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, row %2, seat %3</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Show this ticket at the entrance. The QR code admits one person once; a reprinted ticket replaces this one.</source>
        <translation>Show this ticket at the entrance. The QR code admits one person once; a reprinted ticket replaces this one.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Served by %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds.</source>
        <translation>Thank you. Keep this receipt for refunds.</translation>
    </message>
    <message>
        <source>There are no tickets to print.</source>
        <translation>There are no tickets to print.</translation>
    </message>
    <message>
        <source>The ticket code &quot;%1&quot; cannot be made into a QR code.</source>
        <translation>The ticket code &quot;%1&quot; cannot be made into a QR code.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>The printer or file could not be opened.</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>A new page could not be started.</translation>
    </message>
    <message>
        <source>The tickets could not be written.</source>
        <translation>The tickets could not be written.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation>The page size is not supported.</translation>
    </message>
    <message>
        <source>The printer does not support this page size.</source>
        <translation>The printer does not support this page size.</translation>
    </message>
    <message>
        <source>The receipt could not be written.</source>
        <translation>The receipt could not be written.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usher box office and event ticketing.</source>
        <translation>Usher box office and event ticketing.</translation>
    </message>
    <message>
        <source>Keep the database in &lt;directory&gt;.</source>
        <translation>Keep the database in &lt;directory&gt;.</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>directory</translation>
    </message>
    <message>
        <source>Create demo events when there are no events.</source>
        <translation>Create demo events when there are no events.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; (PNG) and quit.</source>
        <translation>Save a picture of the window to &lt;file&gt; (PNG) and quit.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds.</source>
        <translation>Quit after &lt;ms&gt; milliseconds.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Usher</source>
        <translation>Usher</translation>
    </message>
    <message>
        <source>Could not write the screenshot %1.</source>
        <translation>Could not write the screenshot %1.</translation>
    </message>
    <message>
        <source>Could not open the data directory %1: %2</source>
        <extracomment>%1 is a directory, %2 the reason.</extracomment>
        <translation>Could not open the data directory %1: %2</translation>
    </message>
</context>
<context>
    <name>usher::ui::EventListModel</name>
    <message numerus="yes">
        <source>%1 of %Ln place(s) available</source>
        <extracomment>%1 is the number of available places; %Ln the capacity.</extracomment>
        <translation>
            <numerusform>%1 of %Ln place available</numerusform>
            <numerusform>%1 of %Ln places available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::MainWindow</name>
    <message>
        <source>There are no events yet.
Start Usher with --demo to create two demo events.</source>
        <translation>There are no events yet.
Start Usher with --demo to create two demo events.</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>&amp;Seats by section</source>
        <translation>&amp;Seats by section</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Standing areas</source>
        <translation>Standing areas</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Usher</source>
        <translation>Usher</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>No events</translation>
    </message>
    <message>
        <source>Usher — %1</source>
        <extracomment>Window title: %1 is the event&apos;s name.</extracomment>
        <translation>Usher — %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is when the event starts, %2 the venue&apos;s name.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2 · %3 · %4 · %5 · %6</source>
        <extracomment>Status bar: %1 is the number of seats, %2 to %6 the seats by state.</extracomment>
        <translation>%1: %2 · %3 · %4 · %5 · %6</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation>
            <numerusform>%Ln seat</numerusform>
            <numerusform>%Ln seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln available</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln available</numerusform>
            <numerusform>%Ln available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln allocated to a channel</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln allocated to a channel</numerusform>
            <numerusform>%Ln allocated to a channel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln held</numerusform>
            <numerusform>%Ln held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln sold</numerusform>
            <numerusform>%Ln sold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocked</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln blocked</numerusform>
            <numerusform>%Ln blocked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>standing: %1 of %Ln place(s) available</source>
        <extracomment>Status bar, after the seats: %1 is the number of free standing places, %Ln the capacity.</extracomment>
        <translation>
            <numerusform>standing: %1 of %Ln place available</numerusform>
            <numerusform>standing: %1 of %Ln places available</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Status bar: %1 is the seat totals, %2 the standing totals.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select a seat to see its details.</source>
        <translation>Select a seat to see its details.</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Seat &amp;map</translation>
    </message>
    <message>
        <source>Seat &amp;list</source>
        <translation>Seat &amp;list</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit the venue into the view (0)</source>
        <translation>Fit the venue into the view (0)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <source>&amp;Colour by:</source>
        <translation>&amp;Colour by:</translation>
    </message>
    <message>
        <source>Seat state</source>
        <translation>Seat state</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Price category</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Selection</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>C&amp;lear selection</translation>
    </message>
    <message>
        <source>Click seats to select them, or use the arrow keys and Space.</source>
        <translation>Click seats to select them, or use the arrow keys and Space.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <extracomment>A selected seat in the selection panel: section, row, seat.</extracomment>
        <translation>%1, row %2, seat %3</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected:</source>
        <translation>
            <numerusform>%n seat selected:</numerusform>
            <numerusform>%n seats selected:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapLegend</name>
    <message>
        <source>selected</source>
        <translation>selected</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapMinimap</name>
    <message>
        <source>Overview of the venue</source>
        <translation>Overview of the venue</translation>
    </message>
    <message>
        <source>Overview: click or drag to move the seat map</source>
        <translation>Overview: click or drag to move the seat map</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapRenderer</name>
    <message>
        <source>%1 of %2 left</source>
        <extracomment>A standing area on the seat map: %1 places left of %2.</extracomment>
        <translation>%1 of %2 left</translation>
    </message>
    <message>
        <source>%1/%2 free</source>
        <extracomment>Zoomed-out seat map, inside a section: %1 seats I can sell of %2.</extracomment>
        <translation>%1/%2 free</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapWidget</name>
    <message>
        <source>Arrow keys move between seats, Space selects, Page Up and Page Down change the section, plus and minus zoom.</source>
        <translation>Arrow keys move between seats, Space selects, Page Up and Page Down change the section, plus and minus zoom.</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>selected</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Seat map</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>not for sale</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3, %4, %5, %6</source>
        <extracomment>Accessible name of a seat: section, row, seat number, category, price, state.</extracomment>
        <translation>%1, row %2, seat %3, %4, %5, %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, row %2, seat %3&lt;/b&gt;</source>
        <extracomment>Seat tooltip, first line: section, row, seat.</extracomment>
        <translation>&lt;b&gt;%1, row %2, seat %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <extracomment>Seat tooltip: a hold&apos;s state and when it runs out, e.g. &quot;held by someone else until 20:31&quot;.</extracomment>
        <translation>%1 until %2</translation>
    </message>
    <message>
        <source>%1 (selected)</source>
        <extracomment>Seat tooltip: the seat&apos;s state, then that it is in the selection.</extracomment>
        <translation>%1 (selected)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;standing: %2 of %3 places left</source>
        <extracomment>Standing area tooltip: %1 the area, %2 places left, %3 the capacity.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;standing: %2 of %3 places left</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 seats available</source>
        <extracomment>Section tooltip: %1 the section, %2 seats available to sell, %3 seats in all.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 seats available</translation>
    </message>
    <message>
        <source>Selected %1.</source>
        <extracomment>Announced to screen readers: %1 describes the seat.</extracomment>
        <translation>Selected %1.</translation>
    </message>
    <message>
        <source>Deselected %1.</source>
        <translation>Deselected %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) added to the selection.</source>
        <translation>
            <numerusform>%n seat added to the selection.</numerusform>
            <numerusform>%n seats added to the selection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) removed from the selection.</source>
        <translation>
            <numerusform>%n seat removed from the selection.</numerusform>
            <numerusform>%n seats removed from the selection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n seat(s) selected.</source>
        <extracomment>Announced to screen readers after a selection change: %1 what changed, then the total.</extracomment>
        <translation>
            <numerusform>%1 %n seat selected.</numerusform>
            <numerusform>%1 %n seats selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;row</source>
        <translation>Select &amp;row</translation>
    </message>
    <message>
        <source>Select &amp;section</source>
        <translation>Select &amp;section</translation>
    </message>
    <message>
        <source>&amp;Zoom to section</source>
        <translation>&amp;Zoom to section</translation>
    </message>
    <message>
        <source>&amp;Fit to venue</source>
        <translation>&amp;Fit to venue</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Clear selection</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatStateModel</name>
    <message>
        <source>Section %1</source>
        <translation>Section %1</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, row %2, seat %3</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>not for sale</translation>
    </message>
    <message>
        <source>allocated to %1</source>
        <translation>allocated to %1</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <extracomment>A seat state and the sales channel, e.g. &quot;sold via Box office 1&quot;.</extracomment>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>%1 — %2 — %3 — %4</source>
        <extracomment>Seat tooltip: where the seat is, its category, its price, its state.</extracomment>
        <translation>%1 — %2 — %3 — %4</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
</context>
</TS>

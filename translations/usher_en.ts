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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DemoData</name>
    <message>
        <source>Creating the demo data failed: %1 answered %2.</source>
        <extracomment>%1 is an engine command (e.g. HoldSeats), %2 a status (e.g. SeatUnavailable).</extracomment>
        <translation>Das Anlegen der Demodaten ist fehlgeschlagen: %1 ergab %2.</translation>
    </message>
    <message>
        <source>house seats</source>
        <translation>Hausplätze</translation>
    </message>
    <message>
        <source>Could not create the demo event “%1”: %2</source>
        <extracomment>%1 is the event&apos;s name, %2 the engine&apos;s explanation.</extracomment>
        <translation>Die Demoveranstaltung „%1“ konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Usher Demo Night</source>
        <translation>Usher-Demoabend</translation>
    </message>
    <message>
        <source>Studio Theatre</source>
        <translation>Studiotheater</translation>
    </message>
    <message>
        <source>Late Jazz in the Studio</source>
        <translation>Später Jazz im Studio</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 %2</source>
        <extracomment>An amount of money: %1 is the number, %2 the ISO 4217 currency code.</extracomment>
        <translation>%1&#xa0;%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>When an event starts: %1 is the date, %2 the time of day.</extracomment>
        <translation>%1, %2 Uhr</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
</context>
<context>
    <name>SeatMapPalette</name>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>allocated to this box office</source>
        <translation>dieser Kasse zugeteilt</translation>
    </message>
    <message>
        <source>allocated to another channel</source>
        <translation>einem anderen Kanal zugeteilt</translation>
    </message>
    <message>
        <source>held by me</source>
        <translation>von mir reserviert</translation>
    </message>
    <message>
        <source>held by someone else</source>
        <translation>von jemand anderem reserviert</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
</context>
<context>
    <name>SeatStateStyle</name>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>allocated to a channel</source>
        <translation>einem Kanal zugeteilt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
</context>
<context>
    <name>TicketRenderer</name>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, Reihe %2, Platz %3</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>Show this ticket at the entrance. The QR code admits one person once; a reprinted ticket replaces this one.</source>
        <translation>Zeigen Sie dieses Ticket am Eingang. Der QR-Code lässt eine Person einmal ein; ein neu gedrucktes Ticket ersetzt dieses.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Quittung</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Bedient von %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds.</source>
        <translation>Vielen Dank. Bewahren Sie diese Quittung für Erstattungen auf.</translation>
    </message>
    <message>
        <source>There are no tickets to print.</source>
        <translation>Es gibt keine Tickets zu drucken.</translation>
    </message>
    <message>
        <source>The ticket code &quot;%1&quot; cannot be made into a QR code.</source>
        <translation>Aus dem Ticketcode „%1“ lässt sich kein QR-Code erzeugen.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>Der Drucker oder die Datei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>Eine neue Seite konnte nicht begonnen werden.</translation>
    </message>
    <message>
        <source>The tickets could not be written.</source>
        <translation>Die Tickets konnten nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation>Die Seitengröße wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The printer does not support this page size.</source>
        <translation>Der Drucker unterstützt diese Seitengröße nicht.</translation>
    </message>
    <message>
        <source>The receipt could not be written.</source>
        <translation>Die Quittung konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usher box office and event ticketing.</source>
        <translation>Usher – Theaterkasse und Ticketverkauf für Veranstaltungen.</translation>
    </message>
    <message>
        <source>Keep the database in &lt;directory&gt;.</source>
        <translation>Die Datenbank in &lt;Verzeichnis&gt; ablegen.</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Create demo events when there are no events.</source>
        <translation>Demoveranstaltungen anlegen, wenn es noch keine Veranstaltungen gibt.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; (PNG) and quit.</source>
        <translation>Ein Bild des Fensters in &lt;Datei&gt; (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds.</source>
        <translation>Nach &lt;ms&gt; Millisekunden beenden.</translation>
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
        <translation>Das Bildschirmfoto %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not open the data directory %1: %2</source>
        <extracomment>%1 is a directory, %2 the reason.</extracomment>
        <translation>Das Datenverzeichnis %1 konnte nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>usher::ui::EventListModel</name>
    <message numerus="yes">
        <source>%1 of %Ln place(s) available</source>
        <extracomment>%1 is the number of available places; %Ln the capacity.</extracomment>
        <translation>
            <numerusform>%1 von %Ln Platz verfügbar</numerusform>
            <numerusform>%1 von %Ln Plätzen verfügbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::MainWindow</name>
    <message>
        <source>There are no events yet.
Start Usher with --demo to create two demo events.</source>
        <translation>Es gibt noch keine Veranstaltungen.
Starten Sie Usher mit --demo, um zwei Demoveranstaltungen anzulegen.</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Veranstaltungen</translation>
    </message>
    <message>
        <source>&amp;Seats by section</source>
        <translation>&amp;Sitzplätze nach Bereich</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Standing areas</source>
        <translation>Stehplatzbereiche</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Usher</source>
        <translation>Usher</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Keine Veranstaltungen</translation>
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
            <numerusform>%Ln Sitzplatz</numerusform>
            <numerusform>%Ln Sitzplätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln available</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln verfügbar</numerusform>
            <numerusform>%Ln verfügbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln allocated to a channel</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln einem Kanal zugeteilt</numerusform>
            <numerusform>%Ln einem Kanal zugeteilt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln reserviert</numerusform>
            <numerusform>%Ln reserviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln verkauft</numerusform>
            <numerusform>%Ln verkauft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocked</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln gesperrt</numerusform>
            <numerusform>%Ln gesperrt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>standing: %1 of %Ln place(s) available</source>
        <extracomment>Status bar, after the seats: %1 is the number of free standing places, %Ln the capacity.</extracomment>
        <translation>
            <numerusform>Stehplätze: %1 von %Ln verfügbar</numerusform>
            <numerusform>Stehplätze: %1 von %Ln verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Status bar: %1 is the seat totals, %2 the standing totals.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select a seat to see its details.</source>
        <translation>Wählen Sie einen Platz, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Saal&amp;plan</translation>
    </message>
    <message>
        <source>Seat &amp;list</source>
        <translation>Platz&amp;liste</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the venue into the view (0)</source>
        <translation>Den ganzen Saal zeigen (0)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>&amp;Colour by:</source>
        <translation>&amp;Farbe nach:</translation>
    </message>
    <message>
        <source>Seat state</source>
        <translation>Platzstatus</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Hoher Kontrast</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>Auswahl auf&amp;heben</translation>
    </message>
    <message>
        <source>Click seats to select them, or use the arrow keys and Space.</source>
        <translation>Klicken Sie auf Plätze, um sie auszuwählen, oder nutzen Sie die Pfeiltasten und die Leertaste.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <extracomment>A selected seat in the selection panel: section, row, seat.</extracomment>
        <translation>%1, Reihe %2, Platz %3</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected:</source>
        <translation>
            <numerusform>%n Platz ausgewählt:</numerusform>
            <numerusform>%n Plätze ausgewählt:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapLegend</name>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapMinimap</name>
    <message>
        <source>Overview of the venue</source>
        <translation>Übersicht über den Veranstaltungsort</translation>
    </message>
    <message>
        <source>Overview: click or drag to move the seat map</source>
        <translation>Übersicht: Klicken oder ziehen, um den Saalplan zu verschieben</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapRenderer</name>
    <message>
        <source>%1 of %2 left</source>
        <extracomment>A standing area on the seat map: %1 places left of %2.</extracomment>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <source>%1/%2 free</source>
        <extracomment>Zoomed-out seat map, inside a section: %1 seats I can sell of %2.</extracomment>
        <translation>%1/%2 frei</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapWidget</name>
    <message>
        <source>Arrow keys move between seats, Space selects, Page Up and Page Down change the section, plus and minus zoom.</source>
        <translation>Pfeiltasten wechseln den Platz, Leertaste wählt aus, Bild auf und Bild ab wechseln den Bereich, Plus und Minus zoomen.</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>nicht im Verkauf</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3, %4, %5, %6</source>
        <extracomment>Accessible name of a seat: section, row, seat number, category, price, state.</extracomment>
        <translation>%1, Reihe %2, Platz %3, %4, %5, %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, row %2, seat %3&lt;/b&gt;</source>
        <extracomment>Seat tooltip, first line: section, row, seat.</extracomment>
        <translation>&lt;b&gt;%1, Reihe %2, Platz %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <extracomment>Seat tooltip: a hold&apos;s state and when it runs out, e.g. &quot;held by someone else until 20:31&quot;.</extracomment>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 (selected)</source>
        <extracomment>Seat tooltip: the seat&apos;s state, then that it is in the selection.</extracomment>
        <translation>%1 (ausgewählt)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;standing: %2 of %3 places left</source>
        <extracomment>Standing area tooltip: %1 the area, %2 places left, %3 the capacity.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Stehplätze: %2 von %3 frei</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 seats available</source>
        <extracomment>Section tooltip: %1 the section, %2 seats available to sell, %3 seats in all.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 von %3 Plätzen verfügbar</translation>
    </message>
    <message>
        <source>Selected %1.</source>
        <extracomment>Announced to screen readers: %1 describes the seat.</extracomment>
        <translation>Ausgewählt: %1.</translation>
    </message>
    <message>
        <source>Deselected %1.</source>
        <translation>Abgewählt: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) added to the selection.</source>
        <translation>
            <numerusform>%n Platz zur Auswahl hinzugefügt.</numerusform>
            <numerusform>%n Plätze zur Auswahl hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) removed from the selection.</source>
        <translation>
            <numerusform>%n Platz aus der Auswahl entfernt.</numerusform>
            <numerusform>%n Plätze aus der Auswahl entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n seat(s) selected.</source>
        <extracomment>Announced to screen readers after a selection change: %1 what changed, then the total.</extracomment>
        <translation>
            <numerusform>%1 %n Platz ausgewählt.</numerusform>
            <numerusform>%1 %n Plätze ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;row</source>
        <translation>&amp;Reihe auswählen</translation>
    </message>
    <message>
        <source>Select &amp;section</source>
        <translation>&amp;Bereich auswählen</translation>
    </message>
    <message>
        <source>&amp;Zoom to section</source>
        <translation>Auf Bereich &amp;zoomen</translation>
    </message>
    <message>
        <source>&amp;Fit to venue</source>
        <translation>Ganzen Saal &amp;einpassen</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>Auswahl &amp;aufheben</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatStateModel</name>
    <message>
        <source>Section %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, Reihe %2, Platz %3</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>nicht im Verkauf</translation>
    </message>
    <message>
        <source>allocated to %1</source>
        <translation>%1 zugeteilt</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <extracomment>A seat state and the sales channel, e.g. &quot;sold via Box office 1&quot;.</extracomment>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>%1 — %2 — %3 — %4</source>
        <extracomment>Seat tooltip: where the seat is, its category, its price, its state.</extracomment>
        <translation>%1 — %2 — %3 — %4</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Reihe %1</translation>
    </message>
</context>
</TS>

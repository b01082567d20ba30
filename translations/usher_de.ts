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

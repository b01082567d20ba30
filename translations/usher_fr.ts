<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>DemoData</name>
    <message>
        <source>Creating the demo data failed: %1 answered %2.</source>
        <extracomment>%1 is an engine command (e.g. HoldSeats), %2 a status (e.g. SeatUnavailable).</extracomment>
        <translation>La création des données de démonstration a échoué&#xa0;: %1 a répondu %2.</translation>
    </message>
    <message>
        <source>house seats</source>
        <translation>places de la direction</translation>
    </message>
    <message>
        <source>Could not create the demo event “%1”: %2</source>
        <extracomment>%1 is the event&apos;s name, %2 the engine&apos;s explanation.</extracomment>
        <translation>Impossible de créer l’événement de démonstration «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Usher Demo Night</source>
        <translation>Soirée démo Usher</translation>
    </message>
    <message>
        <source>Studio Theatre</source>
        <translation>Théâtre du Studio</translation>
    </message>
    <message>
        <source>Late Jazz in the Studio</source>
        <translation>Jazz de fin de soirée au Studio</translation>
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
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>canal %1</translation>
    </message>
</context>
<context>
    <name>SeatStateStyle</name>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>allocated to a channel</source>
        <translation>attribuée à un canal</translation>
    </message>
    <message>
        <source>held</source>
        <translation>réservée</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>vendue</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloquée</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usher box office and event ticketing.</source>
        <translation>Usher – guichet et billetterie pour vos événements.</translation>
    </message>
    <message>
        <source>Keep the database in &lt;directory&gt;.</source>
        <translation>Conserver la base de données dans &lt;répertoire&gt;.</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>répertoire</translation>
    </message>
    <message>
        <source>Create demo events when there are no events.</source>
        <translation>Créer des événements de démonstration s’il n’y a encore aucun événement.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; (PNG) and quit.</source>
        <translation>Enregistrer une image de la fenêtre dans &lt;fichier&gt; (PNG) et quitter.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds.</source>
        <translation>Quitter après &lt;ms&gt; millisecondes.</translation>
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
        <translation>Impossible d’écrire la capture d’écran %1.</translation>
    </message>
    <message>
        <source>Could not open the data directory %1: %2</source>
        <extracomment>%1 is a directory, %2 the reason.</extracomment>
        <translation>Impossible d’ouvrir le répertoire de données %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>usher::ui::EventListModel</name>
    <message numerus="yes">
        <source>%1 of %Ln place(s) available</source>
        <extracomment>%1 is the number of available places; %Ln the capacity.</extracomment>
        <translation>
            <numerusform>Places libres&#xa0;: %1 sur %Ln</numerusform>
            <numerusform>Places libres&#xa0;: %1 sur %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::MainWindow</name>
    <message>
        <source>There are no events yet.
Start Usher with --demo to create two demo events.</source>
        <translation>Il n’y a encore aucun événement.
Lancez Usher avec --demo pour créer deux événements de démonstration.</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Événements</translation>
    </message>
    <message>
        <source>&amp;Seats by section</source>
        <translation>&amp;Places par section</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Standing areas</source>
        <translation>Zones debout</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Réservées</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendues</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponibles</translation>
    </message>
    <message>
        <source>Usher</source>
        <translation>Usher</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Aucun événement</translation>
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
        <translation>%1&#xa0;: %2 · %3 · %4 · %5 · %6</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation>
            <numerusform>%Ln place assise</numerusform>
            <numerusform>%Ln places assises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln available</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln disponible</numerusform>
            <numerusform>%Ln disponibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln allocated to a channel</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln attribuée à un canal</numerusform>
            <numerusform>%Ln attribuées à un canal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln held</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln réservée</numerusform>
            <numerusform>%Ln réservées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sold</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln vendue</numerusform>
            <numerusform>%Ln vendues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln blocked</source>
        <comment>seats</comment>
        <translation>
            <numerusform>%Ln bloquée</numerusform>
            <numerusform>%Ln bloquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>standing: %1 of %Ln place(s) available</source>
        <extracomment>Status bar, after the seats: %1 is the number of free standing places, %Ln the capacity.</extracomment>
        <translation>
            <numerusform>places debout libres&#xa0;: %1 sur %Ln</numerusform>
            <numerusform>places debout libres&#xa0;: %1 sur %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Status bar: %1 is the seat totals, %2 the standing totals.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select a seat to see its details.</source>
        <translation>Sélectionnez une place pour en voir les détails.</translation>
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
        <translation>%1, rang %2, place %3</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>hors vente</translation>
    </message>
    <message>
        <source>allocated to %1</source>
        <translation>attribuée à %1</translation>
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
        <translation>Rang %1</translation>
    </message>
</context>
</TS>

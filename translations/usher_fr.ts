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
    <name>SeatMapPalette</name>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>allocated to this box office</source>
        <translation>attribué à cette billetterie</translation>
    </message>
    <message>
        <source>allocated to another channel</source>
        <translation>attribué à un autre canal</translation>
    </message>
    <message>
        <source>held by me</source>
        <translation>réservé par moi</translation>
    </message>
    <message>
        <source>held by someone else</source>
        <translation>réservé par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>vendu</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
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
    <name>TicketRenderer</name>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, rang %2, siège %3</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>Show this ticket at the entrance. The QR code admits one person once; a reprinted ticket replaces this one.</source>
        <translation>Présentez ce billet à l’entrée. Le code QR donne accès à une personne, une seule fois ; un billet réimprimé remplace celui-ci.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Servi par %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds.</source>
        <translation>Merci. Conservez ce reçu pour les remboursements.</translation>
    </message>
    <message>
        <source>There are no tickets to print.</source>
        <translation>Il n’y a aucun billet à imprimer.</translation>
    </message>
    <message>
        <source>The ticket code &quot;%1&quot; cannot be made into a QR code.</source>
        <translation>Le code de billet « %1 » ne peut pas être converti en code QR.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>L’imprimante ou le fichier n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>Une nouvelle page n’a pas pu être commencée.</translation>
    </message>
    <message>
        <source>The tickets could not be written.</source>
        <translation>Les billets n’ont pas pu être écrits.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation>Le format de page n’est pas pris en charge.</translation>
    </message>
    <message>
        <source>The printer does not support this page size.</source>
        <translation>L’imprimante ne prend pas en charge ce format de page.</translation>
    </message>
    <message>
        <source>The receipt could not be written.</source>
        <translation>Le reçu n’a pas pu être écrit.</translation>
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
    <message>
        <source>Seat &amp;map</source>
        <translation>&amp;Plan de salle</translation>
    </message>
    <message>
        <source>Seat &amp;list</source>
        <translation>&amp;Liste des sièges</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the venue into the view (0)</source>
        <translation>Afficher toute la salle (0)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>&amp;Colour by:</source>
        <translation>&amp;Couleur selon :</translation>
    </message>
    <message>
        <source>Seat state</source>
        <translation>État du siège</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Catégorie de prix</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Contraste élevé</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>E&amp;ffacer la sélection</translation>
    </message>
    <message>
        <source>Click seats to select them, or use the arrow keys and Space.</source>
        <translation>Cliquez sur des sièges pour les sélectionner, ou utilisez les flèches et Espace.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <extracomment>A selected seat in the selection panel: section, row, seat.</extracomment>
        <translation>%1, rang %2, siège %3</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected:</source>
        <translation>
            <numerusform>%n siège sélectionné :</numerusform>
            <numerusform>%n sièges sélectionnés :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapLegend</name>
    <message>
        <source>selected</source>
        <translation>sélectionné</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapMinimap</name>
    <message>
        <source>Overview of the venue</source>
        <translation>Vue d’ensemble de la salle</translation>
    </message>
    <message>
        <source>Overview: click or drag to move the seat map</source>
        <translation>Vue d’ensemble : cliquez ou faites glisser pour déplacer le plan de salle</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapRenderer</name>
    <message>
        <source>%1 of %2 left</source>
        <extracomment>A standing area on the seat map: %1 places left of %2.</extracomment>
        <translation>%1 sur %2 restantes</translation>
    </message>
    <message>
        <source>%1/%2 free</source>
        <extracomment>Zoomed-out seat map, inside a section: %1 seats I can sell of %2.</extracomment>
        <translation>%1/%2 libres</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapWidget</name>
    <message>
        <source>Arrow keys move between seats, Space selects, Page Up and Page Down change the section, plus and minus zoom.</source>
        <translation>Les flèches passent d’un siège à l’autre, Espace sélectionne, Page préc. et Page suiv. changent de section, plus et moins zooment.</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>sélectionné</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Plan de salle</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>pas en vente</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3, %4, %5, %6</source>
        <extracomment>Accessible name of a seat: section, row, seat number, category, price, state.</extracomment>
        <translation>%1, rang %2, siège %3, %4, %5, %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, row %2, seat %3&lt;/b&gt;</source>
        <extracomment>Seat tooltip, first line: section, row, seat.</extracomment>
        <translation>&lt;b&gt;%1, rang %2, siège %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <extracomment>Seat tooltip: a hold&apos;s state and when it runs out, e.g. &quot;held by someone else until 20:31&quot;.</extracomment>
        <translation>%1 jusqu’à %2</translation>
    </message>
    <message>
        <source>%1 (selected)</source>
        <extracomment>Seat tooltip: the seat&apos;s state, then that it is in the selection.</extracomment>
        <translation>%1 (sélectionné)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;standing: %2 of %3 places left</source>
        <extracomment>Standing area tooltip: %1 the area, %2 places left, %3 the capacity.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;debout : %2 places restantes sur %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 seats available</source>
        <extracomment>Section tooltip: %1 the section, %2 seats available to sell, %3 seats in all.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 sièges disponibles sur %3</translation>
    </message>
    <message>
        <source>Selected %1.</source>
        <extracomment>Announced to screen readers: %1 describes the seat.</extracomment>
        <translation>Sélectionné : %1.</translation>
    </message>
    <message>
        <source>Deselected %1.</source>
        <translation>Désélectionné : %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) added to the selection.</source>
        <translation>
            <numerusform>%n siège ajouté à la sélection.</numerusform>
            <numerusform>%n sièges ajoutés à la sélection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) removed from the selection.</source>
        <translation>
            <numerusform>%n siège retiré de la sélection.</numerusform>
            <numerusform>%n sièges retirés de la sélection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n seat(s) selected.</source>
        <extracomment>Announced to screen readers after a selection change: %1 what changed, then the total.</extracomment>
        <translation>
            <numerusform>%1 %n siège sélectionné.</numerusform>
            <numerusform>%1 %n sièges sélectionnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;row</source>
        <translation>Sélectionner le &amp;rang</translation>
    </message>
    <message>
        <source>Select &amp;section</source>
        <translation>Sélectionner la &amp;section</translation>
    </message>
    <message>
        <source>&amp;Zoom to section</source>
        <translation>&amp;Zoomer sur la section</translation>
    </message>
    <message>
        <source>&amp;Fit to venue</source>
        <translation>&amp;Ajuster à la salle</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Effacer la sélection</translation>
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

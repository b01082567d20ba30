<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AfterSale</name>
    <message>
        <source>staff %1</source>
        <translation>Mitarbeiter %1</translation>
    </message>
    <message>
        <source>Seat not sold</source>
        <translation>Platz nicht verkauft</translation>
    </message>
    <message>
        <source>This seat is not sold: there is no order to show.</source>
        <translation>Dieser Platz ist nicht verkauft: Es gibt keine Bestellung anzuzeigen.</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
</context>
<context>
    <name>AfterSaleForm</name>
    <message>
        <source>Supervisor pass&amp;word:</source>
        <translation>Pass&amp;wort des Schichtleiters:</translation>
    </message>
    <message>
        <source>Above %1: a supervisor must sign in to approve.</source>
        <translation>Über %1 muss ein Schichtleiter sich anmelden und zustimmen.</translation>
    </message>
    <message>
        <source>No supervisor needed up to %1.</source>
        <translation>Bis %1 ist kein Schichtleiter nötig.</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Ein Grund ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>AfterSaleText</name>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Some of the details are missing or not valid.</source>
        <translation>Einige Angaben fehlen oder sind ungültig.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s login or password is wrong.</source>
        <translation>Anmeldename oder Passwort des Schichtleiters ist falsch.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s account is locked after too many failed sign-ins.</source>
        <translation>Das Konto des Schichtleiters ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s account is disabled.</source>
        <translation>Das Konto des Schichtleiters ist deaktiviert.</translation>
    </message>
    <message>
        <source>The account exists already.</source>
        <translation>Das Konto gibt es bereits.</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Kein solches Konto.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Ihr Konto darf das nicht.</translation>
    </message>
    <message>
        <source>A supervisor must sign in to approve this.</source>
        <translation>Ein Schichtleiter muss sich anmelden und zustimmen.</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>Keine Schicht ist geöffnet.</translation>
    </message>
    <message>
        <source>A shift is open already.</source>
        <translation>Eine Schicht ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>The shift is closed.</source>
        <translation>Die Schicht ist geschlossen.</translation>
    </message>
    <message>
        <source>The event is sold in another currency than the shift&apos;s.</source>
        <translation>Die Veranstaltung wird in einer anderen Währung verkauft als die der Schicht.</translation>
    </message>
    <message>
        <source>The drawer does not hold that much cash.</source>
        <translation>So viel Bargeld ist nicht in der Kassenlade.</translation>
    </message>
    <message>
        <source>This is not possible in the order&apos;s current state.</source>
        <translation>Im aktuellen Zustand der Bestellung ist das nicht möglich.</translation>
    </message>
    <message>
        <source>Not paid in full yet.</source>
        <translation>Noch nicht vollständig bezahlt.</translation>
    </message>
    <message>
        <source>More than is due.</source>
        <translation>Mehr als fällig.</translation>
    </message>
    <message>
        <source>The card terminal declined.</source>
        <translation>Das Kartenterminal hat abgelehnt.</translation>
    </message>
    <message>
        <source>The card terminal&apos;s answer is not known.</source>
        <translation>Die Antwort des Kartenterminals ist unbekannt.</translation>
    </message>
    <message>
        <source>No card terminal can be reached.</source>
        <translation>Kein Kartenterminal erreichbar.</translation>
    </message>
    <message>
        <source>The change could not be saved (storage failure). Nothing was done; try again.</source>
        <translation>Die Änderung konnte nicht gespeichert werden (Speicherfehler). Es wurde nichts ausgeführt; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Unexpected error %1.</source>
        <translation>Unerwarteter Fehler %1.</translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation>Die Bestellung existiert nicht.</translation>
    </message>
    <message>
        <source>The ticket is not part of the order.</source>
        <translation>Das Ticket gehört nicht zu dieser Bestellung.</translation>
    </message>
    <message>
        <source>The ticket is no longer valid (refunded, voided or reissued).</source>
        <translation>Das Ticket ist nicht mehr gültig (erstattet, storniert oder neu ausgestellt).</translation>
    </message>
    <message>
        <source>The seat is not available any more.</source>
        <translation>Der Platz ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>No such seat.</source>
        <translation>Kein solcher Platz.</translation>
    </message>
    <message>
        <source>The event is busy; try again in a moment.</source>
        <translation>Die Veranstaltung ist ausgelastet; bitte gleich erneut versuchen.</translation>
    </message>
    <message>
        <source>The engine could not save the change; try again.</source>
        <translation>Die Engine konnte die Änderung nicht speichern; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>The engine refused: %1.</source>
        <translation>Die Engine hat abgelehnt: %1.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>still pending</source>
        <translation>noch ausstehend</translation>
    </message>
    <message>
        <source>unknown to the terminal</source>
        <translation>dem Terminal unbekannt</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>Verbindung getrennt</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>garbled answer</source>
        <translation>unverständliche Antwort</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
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
        <translation>Studiobühne</translation>
    </message>
    <message>
        <source>Late Jazz in the Studio</source>
        <translation>Late-Night-Jazz im Studio</translation>
    </message>
    <message>
        <source>Theatre</source>
        <translation>Theater</translation>
    </message>
    <message>
        <source>Jazz</source>
        <translation>Jazz</translation>
    </message>
    <message>
        <source>Creating the demo staff accounts failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Das Anlegen der Demo-Mitarbeiterkonten ist fehlgeschlagen: %1.</translation>
    </message>
</context>
<context>
    <name>DeviceCredentials</name>
    <message>
        <source>The device file %1 is not a JSON object: %2</source>
        <extracomment>%1 is a file, %2 what the JSON parser says.</extracomment>
        <translation>Die Gerätedatei %1 ist kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <source>The device file %1 has a missing or invalid “%2”.</source>
        <extracomment>%1 is a file, %2 a field name.</extracomment>
        <translation>In der Gerätedatei %1 fehlt „%2“ oder ist ungültig.</translation>
    </message>
    <message>
        <source>The device file %1 is not valid: %2</source>
        <extracomment>%1 is a file, %2 what is wrong.</extracomment>
        <translation>Die Gerätedatei %1 ist ungültig: %2</translation>
    </message>
    <message>
        <source>Could not read the device file %1: %2</source>
        <translation>Die Gerätedatei %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The device file %1 is not a regular file owned by this user: refusing to use its token.</source>
        <translation>Die Gerätedatei %1 ist keine reguläre Datei dieses Benutzers: Ihr Token wird nicht verwendet.</translation>
    </message>
    <message>
        <source>The device file %1 is readable by other users and its permissions could not be set to 0600 (%2): refusing to use its token.</source>
        <translation>Die Gerätedatei %1 ist für andere Benutzer lesbar und ihre Rechte ließen sich nicht auf 0600 setzen (%2): Ihr Token wird nicht verwendet.</translation>
    </message>
    <message>
        <source>The device file %1 was readable by other users; its permissions are now 0600. Its token may have been read: consider enrolling the device again.</source>
        <translation>Die Gerätedatei %1 war für andere Benutzer lesbar; ihre Rechte sind jetzt 0600. Ihr Token könnte gelesen worden sein: Registrieren Sie das Gerät am besten neu.</translation>
    </message>
    <message>
        <source>This box office is not enrolled with usherd (no %1).</source>
        <translation>Diese Kasse ist nicht bei usherd registriert (kein %1).</translation>
    </message>
    <message>
        <source>The device file %1 is a symbolic link: refusing to use it.</source>
        <translation>Die Gerätedatei %1 ist ein symbolischer Link: Sie wird nicht verwendet.</translation>
    </message>
    <message>
        <source>The device file %1 is larger than 64 KiB.</source>
        <translation>Die Gerätedatei %1 ist größer als 64 KiB.</translation>
    </message>
    <message>
        <source>Could not write the device file %1: %2</source>
        <translation>Die Gerätedatei %1 konnte nicht geschrieben werden: %2</translation>
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
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>the request is not valid</source>
        <translation>die Anfrage ist ungültig</translation>
    </message>
    <message>
        <source>the request id was already used for another request</source>
        <translation>die Anfrage-ID wurde schon für eine andere Anfrage verwendet</translation>
    </message>
    <message>
        <source>no such sales channel</source>
        <translation>diesen Vertriebskanal gibt es nicht</translation>
    </message>
    <message>
        <source>no such seat</source>
        <translation>diesen Platz gibt es nicht</translation>
    </message>
    <message>
        <source>no such standing area</source>
        <translation>diesen Stehplatzbereich gibt es nicht</translation>
    </message>
    <message>
        <source>no such price category</source>
        <translation>diese Preiskategorie gibt es nicht</translation>
    </message>
    <message>
        <source>no such price type</source>
        <translation>diesen Tarif gibt es nicht</translation>
    </message>
    <message>
        <source>the reservation no longer exists</source>
        <translation>die Reservierung besteht nicht mehr</translation>
    </message>
    <message>
        <source>no such order</source>
        <translation>diese Bestellung gibt es nicht</translation>
    </message>
    <message>
        <source>no such ticket</source>
        <translation>dieses Ticket gibt es nicht</translation>
    </message>
    <message>
        <source>not allowed for this user</source>
        <translation>für diesen Benutzer nicht erlaubt</translation>
    </message>
    <message>
        <source>the reservation belongs to someone else</source>
        <translation>die Reservierung gehört jemand anderem</translation>
    </message>
    <message>
        <source>not for sale on this channel</source>
        <translation>auf diesem Vertriebskanal nicht im Verkauf</translation>
    </message>
    <message>
        <source>too many tickets for one order</source>
        <translation>zu viele Tickets für eine Bestellung</translation>
    </message>
    <message>
        <source>not on sale at this time</source>
        <translation>derzeit nicht im Verkauf</translation>
    </message>
    <message>
        <source>the reservation has expired</source>
        <translation>die Reservierung ist abgelaufen</translation>
    </message>
    <message>
        <source>the seat is no longer available</source>
        <translation>der Platz ist nicht mehr verfügbar</translation>
    </message>
    <message>
        <source>not enough places left in the standing area</source>
        <translation>im Stehplatzbereich sind nicht mehr genug Plätze frei</translation>
    </message>
    <message>
        <source>no seats together are left</source>
        <translation>es gibt keine zusammenhängenden Plätze mehr</translation>
    </message>
    <message>
        <source>the seat is not blocked</source>
        <translation>der Platz ist nicht gesperrt</translation>
    </message>
    <message>
        <source>the seat is not allocated to this channel</source>
        <translation>der Platz ist diesem Vertriebskanal nicht zugeteilt</translation>
    </message>
    <message>
        <source>a payment is still pending</source>
        <translation>eine Zahlung ist noch offen</translation>
    </message>
    <message>
        <source>no payment is pending</source>
        <translation>keine Zahlung ist offen</translation>
    </message>
    <message>
        <source>the ticket was already refunded or exchanged</source>
        <translation>das Ticket wurde bereits erstattet oder umgetauscht</translation>
    </message>
    <message>
        <source>the amount is more than was paid</source>
        <translation>der Betrag ist höher als die Zahlung</translation>
    </message>
    <message>
        <source>the amount differs from the prices</source>
        <translation>der Betrag weicht von den Preisen ab</translation>
    </message>
    <message>
        <source>the engine is busy, try again</source>
        <translation>das System ist ausgelastet, bitte erneut versuchen</translation>
    </message>
    <message>
        <source>the data could not be saved</source>
        <translation>die Daten konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <source>the data store is not available</source>
        <translation>der Datenspeicher ist nicht verfügbar</translation>
    </message>
    <message>
        <source>no such event</source>
        <translation>diese Veranstaltung gibt es nicht</translation>
    </message>
    <message>
        <source>the engine is shutting down</source>
        <translation>das System wird heruntergefahren</translation>
    </message>
    <message>
        <source>the event already exists</source>
        <translation>die Veranstaltung existiert bereits</translation>
    </message>
    <message>
        <source>unknown status %1</source>
        <extracomment>An engine status this version does not know; %1 is its number.</extracomment>
        <translation>unbekannter Status %1</translation>
    </message>
    <message>
        <source>the login or password is wrong</source>
        <translation>Benutzername oder Passwort ist falsch</translation>
    </message>
    <message>
        <source>the account is locked after too many failed sign-ins</source>
        <translation>das Konto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt</translation>
    </message>
    <message>
        <source>the account is disabled</source>
        <translation>das Konto ist deaktiviert</translation>
    </message>
    <message>
        <source>an account with that login already exists</source>
        <translation>ein Konto mit diesem Benutzernamen existiert bereits</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>dieses Konto gibt es nicht</translation>
    </message>
    <message>
        <source>a supervisor must approve this</source>
        <translation>ein Schichtleiter muss das genehmigen</translation>
    </message>
    <message>
        <source>no shift is open</source>
        <translation>keine Schicht ist geöffnet</translation>
    </message>
    <message>
        <source>a shift is already open</source>
        <translation>eine Schicht ist bereits geöffnet</translation>
    </message>
    <message>
        <source>the shift is closed</source>
        <translation>die Schicht ist geschlossen</translation>
    </message>
    <message>
        <source>the currency differs from the drawer&apos;s</source>
        <translation>die Währung weicht von der der Kassenlade ab</translation>
    </message>
    <message>
        <source>the drawer does not hold enough cash</source>
        <translation>die Kassenlade enthält nicht genug Bargeld</translation>
    </message>
    <message>
        <source>the sale cannot do that now</source>
        <translation>der Verkauf erlaubt diesen Schritt jetzt nicht</translation>
    </message>
    <message>
        <source>the payments do not cover the total yet</source>
        <translation>die Zahlungen decken den Gesamtbetrag noch nicht</translation>
    </message>
    <message>
        <source>that is more than what is still due</source>
        <translation>das ist mehr als noch offen ist</translation>
    </message>
    <message>
        <source>the payment was declined</source>
        <translation>die Zahlung wurde abgelehnt</translation>
    </message>
    <message>
        <source>the card terminal&apos;s answer is still unknown</source>
        <translation>die Antwort des Kartenterminals ist noch unbekannt</translation>
    </message>
    <message>
        <source>the seats could not be sold</source>
        <translation>die Plätze konnten nicht verkauft werden</translation>
    </message>
    <message>
        <source>the card terminal is not available</source>
        <translation>das Kartenterminal ist nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>OnlineCart</name>
    <message>
        <source>usherd refused: %1. Nothing was sold.</source>
        <extracomment>%1 is the reason code usherd gave (e.g. SeatUnavailable).</extracomment>
        <translation>usherd hat abgelehnt: %1. Es wurde nichts verkauft.</translation>
    </message>
    <message>
        <source>The card payment did not go through (%1): nothing was sold.</source>
        <translation>Die Kartenzahlung ist nicht durchgegangen (%1): Es wurde nichts verkauft.</translation>
    </message>
    <message>
        <source>The card is charged and usherd has not answered the sale yet: pay again to ask usherd again.</source>
        <translation>Die Karte ist belastet, und usherd hat den Verkauf noch nicht beantwortet: Erneut bezahlen fragt usherd noch einmal.</translation>
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>Platz %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>void</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>ungewiss</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>handed back</source>
        <translation>zurückgegeben</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>ticket code</source>
        <translation>Ticketcode</translation>
    </message>
    <message>
        <source>old ticket code (reissued)</source>
        <translation>alter Ticketcode (neu ausgestellt)</translation>
    </message>
    <message>
        <source>old ticket code (exchanged)</source>
        <translation>alter Ticketcode (umgetauscht)</translation>
    </message>
    <message>
        <source>payment reference</source>
        <translation>Zahlungsreferenz</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Freikarte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Z report: shift %1</source>
        <translation>Z-Bericht: Schicht %1</translation>
    </message>
    <message>
        <source>X report: shift %1</source>
        <translation>X-Bericht: Schicht %1</translation>
    </message>
    <message>
        <source>Closing report: the shift is closed.</source>
        <translation>Abschlussbericht: Die Schicht ist geschlossen.</translation>
    </message>
    <message>
        <source>Mid-shift report: the shift stays open.</source>
        <translation>Zwischenbericht: Die Schicht bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>Kassierer: %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Geöffnet: %1</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Geschlossen: %1</translation>
    </message>
    <message>
        <source>Produced: %1 by %2</source>
        <translation>Erstellt: %1 von %2</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Nach Zahlungsart</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Nach Kategorie</translation>
    </message>
    <message>
        <source>No tickets sold or refunded.</source>
        <translation>Keine Tickets verkauft oder erstattet.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Tickets sold</source>
        <translation>Verkaufte Tickets</translation>
    </message>
    <message>
        <source>Tickets refunded</source>
        <translation>Erstattete Tickets</translation>
    </message>
    <message>
        <source>Tickets and cash</source>
        <translation>Tickets und Bargeld</translation>
    </message>
    <message>
        <source>Tickets issued</source>
        <translation>Ausgestellte Tickets</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Barverkäufe</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Barerstattungen</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Bareinlage</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Barentnahme</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>Erwarteter Bargeldbestand in der Kassenlade</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <source>Variance (short)</source>
        <translation>Differenz (Fehlbetrag)</translation>
    </message>
    <message>
        <source>Variance (over)</source>
        <translation>Differenz (Überschuss)</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ReprintOutput</name>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) sent to the printer %1.</source>
        <translation>
            <numerusform>%n Ticket an den Drucker %1 gesendet.</numerusform>
            <numerusform>%n Tickets an den Drucker %1 gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Drucken fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Save the tickets as PDF</source>
        <translation>Tickets als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) saved to %1.</source>
        <translation>
            <numerusform>%n Ticket in %1 gespeichert.</numerusform>
            <numerusform>%n Tickets in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the tickets: %1</source>
        <translation>Die Tickets können nicht gespeichert werden: %1</translation>
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
    <name>SyncBoxOffice</name>
    <message>
        <source>An earlier operation of this box office is not settled yet (a cart left open by a restart?): complete or release it first.</source>
        <translation>Ein früherer Vorgang dieser Kasse ist noch nicht abgeschlossen (ein nach einem Neustart offener Warenkorb?): Schließen Sie ihn zuerst ab oder geben Sie ihn frei.</translation>
    </message>
    <message>
        <source>usherd refused this box office: %1</source>
        <translation>usherd hat diese Kasse abgelehnt: %1</translation>
    </message>
    <message>
        <source>usherd speaks another sync protocol version: update the box office or the server</source>
        <translation>usherd spricht eine andere Version des Sync-Protokolls: Aktualisieren Sie die Kasse oder den Server</translation>
    </message>
    <message>
        <source>usherd knows this device under another name or channel: enrol it again</source>
        <translation>usherd kennt dieses Gerät unter einem anderen Namen oder Kanal: Registrieren Sie es neu</translation>
    </message>
    <message>
        <source>usherd has operations this box office does not have (was its data restored from a backup?)</source>
        <translation>usherd hat Vorgänge, die diese Kasse nicht hat (wurden ihre Daten aus einer Sicherung wiederhergestellt?)</translation>
    </message>
    <message>
        <source>A sale cannot mix seats of this box office&apos;s allocation with other seats: sell them separately.</source>
        <translation>Ein Verkauf kann Plätze aus dem Kontingent dieser Kasse nicht mit anderen Plätzen mischen: Verkaufen Sie sie getrennt.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold.</source>
        <translation>usherd ist nicht erreichbar: Nur die dieser Kasse zugeteilten Plätze können verkauft werden.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the places allocated to this box office can be sold, and too few are left.</source>
        <translation>usherd ist nicht erreichbar: Nur die dieser Kasse zugeteilten Plätze können verkauft werden, und davon sind zu wenige übrig.</translation>
    </message>
    <message>
        <source>This usherd is too old to sell standing places to a box office: only the places allocated to this box office can be sold, and too few are left.</source>
        <translation>Dieser usherd ist zu alt, um einer Kasse Stehplätze zu verkaufen: Nur die dieser Kasse zugeteilten Plätze können verkauft werden, und davon sind zu wenige übrig.</translation>
    </message>
    <message>
        <source>These seats are sold through usherd, not from this box office&apos;s allocation.</source>
        <translation>Diese Plätze werden über usherd verkauft, nicht aus dem Kontingent dieser Kasse.</translation>
    </message>
    <message>
        <source>These places are not from this box office&apos;s allocation: sell them through usherd.</source>
        <translation>Diese Plätze stammen nicht aus dem Kontingent dieser Kasse: Verkaufen Sie sie über usherd.</translation>
    </message>
</context>
<context>
    <name>SyncPendingDialog</name>
    <message numerus="yes">
        <source>%n place(s) of area %1</source>
        <extracomment>A sync operation&apos;s GA places: %n places of the standing area with the id %1.</extracomment>
        <translation>
            <numerusform>%n Platz im Bereich %1</numerusform>
            <numerusform>%n Plätze im Bereich %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketContentFactory</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Freikarte</translation>
    </message>
</context>
<context>
    <name>TicketOutput</name>
    <message>
        <source>The ticket printer “%1” is not available.</source>
        <extracomment>%1 is a printer name.</extracomment>
        <translation>Der Ticketdrucker „%1“ ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>printed on %1</source>
        <extracomment>%1 is a printer name.</extracomment>
        <translation>gedruckt auf %1</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <extracomment>%1 is a folder.</extracomment>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <extracomment>%1 is a file.</extracomment>
        <translation>gespeichert in %1</translation>
    </message>
    <message>
        <source>Print the tickets of order %1</source>
        <translation>Tickets der Bestellung %1 drucken</translation>
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
        <translation>Block</translation>
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
        <translation>Zeigen Sie dieses Ticket am Eingang vor. Der QR-Code gewährt einer Person einmal Einlass; ein nachgedrucktes Ticket ersetzt dieses.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
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
        <translation>Vielen Dank. Bewahren Sie diesen Beleg für Erstattungen auf.</translation>
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
        <translation>Das Seitenformat wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The printer does not support this page size.</source>
        <translation>Der Drucker unterstützt dieses Seitenformat nicht.</translation>
    </message>
    <message>
        <source>The receipt could not be written.</source>
        <translation>Der Beleg konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>UsherdSampler</name>
    <message>
        <source>server-wide</source>
        <translation>serverweit</translation>
    </message>
    <message>
        <source>this event</source>
        <translation>diese Veranstaltung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usher box office and event ticketing.</source>
        <translation>Usher – Kasse und Ticketing für Veranstaltungen.</translation>
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
        <translation>Demoveranstaltungen anlegen, wenn es keine Veranstaltungen gibt.</translation>
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
    <message>
        <source>The card terminal at &lt;host:port&gt; (with --demo: a simulated terminal in the app unless this is given; &quot;none&quot; for no terminal).</source>
        <translation>Das Kartenterminal unter &lt;host:port&gt; (mit --demo: ein simuliertes Terminal in der App, sofern dies nicht angegeben ist; &quot;none&quot; für kein Terminal).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>This box office&apos;s sales channel (default 2).</source>
        <translation>Der Vertriebskanal dieser Kasse (Standard: 2).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Print tickets on &lt;printer&gt;; without it they are saved as PDF files in the data directory&apos;s tickets folder.</source>
        <translation>Tickets auf &lt;printer&gt; drucken; ohne diese Option werden sie als PDF-Dateien im Ordner tickets des Datenverzeichnisses gespeichert.</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>With --demo: sign in as the demo account &lt;login&gt; at start.</source>
        <translation>Mit --demo: Beim Start mit dem Demokonto &lt;login&gt; anmelden.</translation>
    </message>
    <message>
        <source>login</source>
        <translation>login</translation>
    </message>
    <message>
        <source>Show the seat viewer (all events, all channels) instead of the counter.</source>
        <translation>Die Platzübersicht (alle Veranstaltungen, alle Kanäle) statt der Kasse zeigen.</translation>
    </message>
    <message>
        <source>The central usherd at &lt;url&gt; (e.g. http://127.0.0.1:8080): the admin dashboard shows its live figures.</source>
        <translation>Der zentrale usherd unter &lt;url&gt; (z. B. http://127.0.0.1:8080): Das Admin-Dashboard zeigt seine Live-Zahlen.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>A promoter or admin &lt;token&gt; of that usherd (default: the USHER_USHERD_TOKEN environment variable).</source>
        <translation>Ein Veranstalter- oder Admin-&lt;token&gt; dieses usherd (Standard: die Umgebungsvariable USHER_USHERD_TOKEN).</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>With --sign-in: show the workspace &lt;id&gt; (sales, dashboard, ...).</source>
        <translation>Mit --sign-in: den Arbeitsbereich &lt;id&gt; zeigen (sales, dashboard, ...).</translation>
    </message>
    <message>
        <source>Take the --screenshot after &lt;ms&gt; milliseconds.</source>
        <translation>Das --screenshot nach &lt;ms&gt; Millisekunden aufnehmen.</translation>
    </message>
    <message>
        <source>--usherd takes a URL such as http://127.0.0.1:8080.</source>
        <translation>--usherd erwartet eine URL wie http://127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>--sign-in works only with --demo.</source>
        <translation>--sign-in funktioniert nur mit --demo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo accounts&lt;/b&gt; (login / password):</source>
        <translation>&lt;b&gt;Demokonten&lt;/b&gt; (Anmeldename / Passwort):</translation>
    </message>
    <message>
        <source>--sign-in takes a demo account: %1</source>
        <translation>--sign-in erwartet ein Demokonto: %1</translation>
    </message>
    <message>
        <source>Usher box office</source>
        <translation>Usher-Kasse</translation>
    </message>
    <message>
        <source>--channel %1 differs from this box office&apos;s enrolment (channel %2). Start without --channel, or enrol the box office again.</source>
        <extracomment>%1 the --channel given, %2 the channel usherd enrolled this box office on.</extracomment>
        <translation>--channel %1 weicht von der Registrierung dieser Kasse ab (Kanal %2). Starten Sie ohne --channel, oder registrieren Sie die Kasse neu.</translation>
    </message>
</context>
<context>
    <name>usher</name>
    <message>
        <source>GET %1 failed: %2</source>
        <extracomment>%1 is a URL, %2 the reason.</extracomment>
        <translation>GET %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 did not answer a list of events.</source>
        <extracomment>%1 is a URL.</extracomment>
        <translation>%1 hat keine Liste von Veranstaltungen geliefert.</translation>
    </message>
    <message>
        <source>Event %1 could not be updated: %2</source>
        <extracomment>%1 is an event id, %2 the reason.</extracomment>
        <translation>Veranstaltung %1 konnte nicht aktualisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>usher::SyncClient</name>
    <message>
        <source>The TLS certificate of %1 is not trusted: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the TLS library&apos;s reasons.</extracomment>
        <translation>Dem TLS-Zertifikat von %1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <source>Could not reach usherd at %1: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the reason.</extracomment>
        <translation>usherd unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Some events could not be downloaded: %1</source>
        <translation>Einige Veranstaltungen konnten nicht heruntergeladen werden: %1</translation>
    </message>
    <message>
        <source>The connection to %1 closed.</source>
        <extracomment>%1 is the server&apos;s address.</extracomment>
        <translation>Die Verbindung zu %1 wurde geschlossen.</translation>
    </message>
    <message>
        <source>usherd at %1 closed the connection: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the reason usherd gave.</extracomment>
        <translation>usherd unter %1 hat die Verbindung geschlossen: %2</translation>
    </message>
    <message>
        <source>usherd at %1 closed the connection during the handshake.</source>
        <extracomment>%1 is the server&apos;s address.</extracomment>
        <translation>usherd unter %1 hat die Verbindung während des Handshakes geschlossen.</translation>
    </message>
    <message>
        <source>usherd at %1 did not answer the handshake within %2 s.</source>
        <extracomment>%1 is the server&apos;s address, %2 a number of seconds.</extracomment>
        <translation>usherd unter %1 hat den Handshake nicht innerhalb von %2 s beantwortet.</translation>
    </message>
    <message>
        <source>Could not open the sync outbox %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Der Sync-Ausgang %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The box office is not syncing with usherd.</source>
        <translation>Die Kasse synchronisiert nicht mit usherd.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold. Nothing was held or sold.</source>
        <translation>usherd ist nicht erreichbar: Nur die dieser Kasse zugeteilten Plätze können verkauft werden. Es wurde nichts reserviert oder verkauft.</translation>
    </message>
    <message>
        <source>usherd did not answer in time: whether it counted is not known. Try again: the same request never sells twice.</source>
        <translation>usherd hat nicht rechtzeitig geantwortet: Ob die Anfrage verarbeitet wurde, ist unbekannt. Versuchen Sie es erneut: Dieselbe Anfrage verkauft nie doppelt.</translation>
    </message>
    <message>
        <source>The connection to usherd dropped before it answered: whether it counted is not known. Try again: the same request never sells twice.</source>
        <translation>Die Verbindung zu usherd brach vor der Antwort ab: Ob die Anfrage verarbeitet wurde, ist unbekannt. Versuchen Sie es erneut: Dieselbe Anfrage verkauft nie doppelt.</translation>
    </message>
    <message>
        <source>The box office stopped syncing before usherd answered.</source>
        <translation>Die Kasse hat die Synchronisierung beendet, bevor usherd geantwortet hat.</translation>
    </message>
</context>
<context>
    <name>usher::ui::AppShell</name>
    <message>
        <source>Usher</source>
        <translation>Usher</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>There is nothing here for your role yet. Sign out, or ask an admin.</source>
        <translation>Für Ihre Rolle gibt es hier noch nichts. Melden Sie sich ab oder fragen Sie einen Admin.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Event setup</source>
        <translation>Veranstaltung einrichten</translation>
    </message>
    <message>
        <source>Venue designer</source>
        <translation>Saalplaner</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditCsvExport</name>
    <message>
        <source>Event id</source>
        <translation>Veranstaltungs-ID</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Reservierung</translation>
    </message>
    <message>
        <source>Journal batch</source>
        <translation>Journal-Batch</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>%n Zeile exportiert.</numerusform>
            <numerusform>%n Zeilen exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditLogModel</name>
    <message>
        <source>The audit index cannot be read: %1</source>
        <translation>Der Prüfindex kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Clerk or user</source>
        <translation>Kassierer oder Benutzer</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Veranstaltung %1</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>Platz %1</translation>
    </message>
    <message numerus="yes">
        <source>%n GA place(s)</source>
        <translation>
            <numerusform>%n Stehplatz</numerusform>
            <numerusform>%n Stehplätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold seats</source>
        <translation>Plätze reservieren</translation>
    </message>
    <message>
        <source>Hold best available</source>
        <translation>Beste Plätze reservieren</translation>
    </message>
    <message>
        <source>Hold GA places</source>
        <translation>Stehplätze reservieren</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Extend hold</source>
        <translation>Reservierung verlängern</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>Zahlung begonnen</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Zahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Umtausch</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Allocate seats</source>
        <translation>Plätze zuteilen</translation>
    </message>
    <message>
        <source>Take seats back</source>
        <translation>Plätze zurücknehmen</translation>
    </message>
    <message>
        <source>Allocate GA places</source>
        <translation>Stehplätze zuteilen</translation>
    </message>
    <message>
        <source>Take GA places back</source>
        <translation>Stehplätze zurücknehmen</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>Neuausstellung</translation>
    </message>
    <message>
        <source>Event changed</source>
        <translation>Veranstaltung geändert</translation>
    </message>
    <message>
        <source>Command %1</source>
        <translation>Befehl %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Buyer %1</source>
        <translation>Käufer %1</translation>
    </message>
    <message>
        <source>Clerk %1</source>
        <translation>Kassierer %1</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>Promoter %1</source>
        <translation>Veranstalter %1</translation>
    </message>
    <message>
        <source>Admin %1</source>
        <translation>Admin %1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Actor %1</source>
        <translation>Akteur %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditLogWidget</name>
    <message>
        <source>The audit log cannot be opened: %1</source>
        <translation>Das Prüfprotokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <source>Seat id or label</source>
        <translation>Platz-ID oder -bezeichnung</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any id</source>
        <translation>Jede ID</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>&amp;From (UTC)</source>
        <translation>&amp;Von (UTC)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Search names, e-mails, references, reasons…</source>
        <translation>Namen, E-Mails, Referenzen, Gründe suchen…</translation>
    </message>
    <message>
        <source>Follow &amp;live</source>
        <translation>&amp;Live folgen</translation>
    </message>
    <message>
        <source>New records appear at the bottom; the list follows them while it is scrolled to the end.</source>
        <translation>Neue Einträge erscheinen unten; die Liste folgt ihnen, solange sie ans Ende gescrollt ist.</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>Veranstal&amp;tung</translation>
    </message>
    <message>
        <source>S&amp;eat</source>
        <translation>&amp;Platz</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>Bestell&amp;ung</translation>
    </message>
    <message>
        <source>&amp;Clerk or user</source>
        <translation>&amp;Kassierer oder Benutzer</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Seat map right after the record</source>
        <translation>Saalplan direkt nach dem Eintrag</translation>
    </message>
    <message>
        <source>Choose a record or an event to see its seats as they were.</source>
        <translation>Wählen Sie einen Eintrag oder eine Veranstaltung, um deren Plätze im damaligen Zustand zu sehen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Count unavailable</source>
        <translation>Anzahl nicht verfügbar</translation>
    </message>
    <message>
        <source>More than %L1 records</source>
        <translation>Mehr als %L1 Einträge</translation>
    </message>
    <message numerus="yes">
        <source>%L1 record(s)</source>
        <translation>
            <numerusform>%L1 Eintrag</numerusform>
            <numerusform>%L1 Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit index cannot keep up with the journal: %1</source>
        <translation>Der Prüfindex kommt mit dem Journal nicht mit: %1</translation>
    </message>
    <message>
        <source>Indexing the journal…</source>
        <translation>Journal wird indiziert…</translation>
    </message>
    <message>
        <source>Up to date with the journal.</source>
        <translation>Auf dem Stand des Journals.</translation>
    </message>
    <message>
        <source>The seat map cannot be replayed: %1</source>
        <translation>Der Saalplan kann nicht nachgespielt werden: %1</translation>
    </message>
    <message>
        <source>%1, before the first record</source>
        <translation>%1, vor dem ersten Eintrag</translation>
    </message>
    <message>
        <source>Record %L1 of %L2</source>
        <translation>Eintrag %L1 von %L2</translation>
    </message>
    <message>
        <source>%1, right after record %L2 (%3 UTC)</source>
        <translation>%1, direkt nach Eintrag %L2 (%3 UTC)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Zugeteilt</translation>
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
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Clerk or user</source>
        <translation>Kassierer oder Benutzer</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Reservierung</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Seat not available</source>
        <translation>Platz nicht verfügbar</translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation>Freigegebene Reservierungen</translation>
    </message>
    <message>
        <source>Journal position</source>
        <translation>Journalposition</translation>
    </message>
    <message>
        <source>batch at seq %1, byte %2</source>
        <translation>Batch bei Seq. %1, Byte %2</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>New seat</source>
        <translation>Neuer Platz</translation>
    </message>
    <message>
        <source>GA area</source>
        <translation>Stehplatzbereich</translation>
    </message>
    <message>
        <source>Pool or channel</source>
        <translation>Kontingent oder Kanal</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Läuft ab (UTC)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Price type</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Ticketcode</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Prüfprotokoll wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Waiting room (usherd)</source>
        <translation>&amp;Warteraum (usherd)</translation>
    </message>
    <message>
        <source>Upgrading the audit index (%L1 rows) to the new format. This happens once; on a very large log it takes a few minutes. The rest of the app can be used meanwhile.</source>
        <extracomment>%L1 is a number of rows.</extracomment>
        <translation>Der Prüfprotokoll-Index (%L1 Zeilen) wird auf das neue Format umgestellt. Das geschieht einmal; bei einem sehr großen Protokoll dauert es einige Minuten. Den Rest der App können Sie währenddessen benutzen.</translation>
    </message>
    <message>
        <source>%1 s so far</source>
        <extracomment>%1 is a number of seconds.</extracomment>
        <translation>bisher %1 s</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
</context>
<context>
    <name>usher::ui::CashMovementDialog</name>
    <message>
        <source>Cash in or out</source>
        <translation>Bareinlage oder -entnahme</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>Bar&amp;einlage</translation>
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation>Barentnah&amp;me</translation>
    </message>
    <message>
        <source>e.g. 50.00</source>
        <translation>z. B. 50,00</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Betrag (%1):</translation>
    </message>
    <message>
        <source>Why: safe drop, change from the bank…</source>
        <translation>Warum: Tresoreinlage, Wechselgeld von der Bank…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>In the drawer:</source>
        <translation>In der Kassenlade:</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>B&amp;uchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter an amount above zero, e.g. 50.00.</source>
        <translation>Geben Sie einen Betrag über null ein, z. B. 50,00.</translation>
    </message>
    <message>
        <source>A note is required: say why the cash moves.</source>
        <translation>Eine Notiz ist erforderlich: Geben Sie an, warum das Bargeld bewegt wird.</translation>
    </message>
</context>
<context>
    <name>usher::ui::CounterBackend</name>
    <message>
        <source>Could not open the box-office database %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Die Kassendatenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not start the simulated card terminal: %1</source>
        <extracomment>%1 is the reason.</extracomment>
        <translation>Das simulierte Kartenterminal konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The card terminal must be given as host:port, not “%1”.</source>
        <extracomment>%1 is what was given; host:port must stay as it is.</extracomment>
        <translation>Das Kartenterminal muss als host:port angegeben werden, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>usher::ui::CounterWindow</name>
    <message>
        <source>clerk</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Usher box office</source>
        <translation>Usher-Kasse</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only; the password needs 8 to 256 bytes.</source>
        <translation>Ein Anmeldename besteht nur aus Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;; das Passwort braucht 8 bis 256 Bytes.</translation>
    </message>
    <message>
        <source>An account exists already. Sign in.</source>
        <translation>Es gibt bereits ein Konto. Melden Sie sich an.</translation>
    </message>
    <message>
        <source>Creating the account failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Das Anlegen des Kontos ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Verkauf</translation>
    </message>
    <message>
        <source>&amp;Best available</source>
        <translation>Beste &amp;verfügbare Plätze</translation>
    </message>
    <message>
        <source>&amp;Hold selected seats</source>
        <translation>Ausgewählte Plätze &amp;reservieren</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>Pay &amp;cash</source>
        <translation>Bar &amp;zahlen</translation>
    </message>
    <message>
        <source>Pay by c&amp;ard</source>
        <translation>Mit &amp;Karte zahlen</translation>
    </message>
    <message>
        <source>C&amp;omplimentary (supervisor)</source>
        <translation>&amp;Freikarte (Schichtleiter)</translation>
    </message>
    <message>
        <source>C&amp;lear cart</source>
        <translation>Warenkorb &amp;leeren</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Del</translation>
    </message>
    <message>
        <source>&amp;Print tickets of the last sale…</source>
        <translation>Tickets des letzten Verkaufs &amp;drucken…</translation>
    </message>
    <message>
        <source>&amp;Save tickets of the last sale as PDF…</source>
        <translation>Tickets des letzten Verkaufs als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Open ca&amp;rts…</source>
        <translation>Offene &amp;Warenkörbe…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Bestellungen</translation>
    </message>
    <message>
        <source>&amp;Find order…</source>
        <translation>Bestellung &amp;suchen…</translation>
    </message>
    <message>
        <source>Order of the &amp;focus seat…</source>
        <translation>Bestellung des &amp;fokussierten Platzes…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Customer&apos;s previous orders…</source>
        <translation>Frühere Bestellungen des &amp;Kunden…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <source>Cash &amp;in or out…</source>
        <translation>Bar&amp;einlage oder -entnahme…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;X report…</source>
        <translation>&amp;X-Bericht…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Close shift (Z report)…</source>
        <translation>Schicht &amp;schließen (Z-Bericht)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Veranstaltungen</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Saal&amp;plan</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Seat &amp;viewer (all seats, all channels)</source>
        <translation>Platz&amp;übersicht (alle Plätze, alle Kanäle)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>&amp;Mitarbeiterkonten…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again after %1, or ask an admin to unlock it.</source>
        <extracomment>%1 is a time of day.</extracomment>
        <translation>Dieses Konto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt. Versuchen Sie es nach %1 erneut oder bitten Sie einen Admin, es zu entsperren.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>Dieses Konto ist deaktiviert. Wenden Sie sich an einen Admin.</translation>
    </message>
    <message numerus="yes">
        <source>The login or the password is wrong. After %n failed attempt(s) in a row the account is locked for a while.</source>
        <translation>
            <numerusform>Anmeldename oder Passwort ist falsch. Nach %n fehlgeschlagenen Versuch in Folge wird das Konto eine Zeit lang gesperrt.</numerusform>
            <numerusform>Anmeldename oder Passwort ist falsch. Nach %n fehlgeschlagenen Versuchen in Folge wird das Konto eine Zeit lang gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Anmeldung fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Welcome back, %1: your shift is still open.</source>
        <translation>Willkommen zurück, %1: Ihre Schicht ist noch geöffnet.</translation>
    </message>
    <message>
        <source>The shift could not be opened: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Die Schicht konnte nicht geöffnet werden: %1.</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1.</source>
        <translation>Schicht mit einem Wechselgeld von %1 geöffnet.</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you sign out.</source>
        <translation>Schließen oder leeren Sie den Warenkorb, bevor Sie sich abmelden.</translation>
    </message>
    <message>
        <source>Drawer: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Kassenlade: %1</translation>
    </message>
    <message>
        <source>Drawer: unknown</source>
        <translation>Kassenlade: unbekannt</translation>
    </message>
    <message>
        <source>Finish or clear the cart first.</source>
        <translation>Schließen oder leeren Sie zuerst den Warenkorb.</translation>
    </message>
    <message>
        <source>No open carts.</source>
        <translation>Keine offenen Warenkörbe.</translation>
    </message>
    <message>
        <source>The counter&apos;s cart is in use: finish it first.</source>
        <translation>Der Warenkorb der Kasse ist in Gebrauch: Schließen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>The cart could not be resumed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Der Warenkorb konnte nicht fortgesetzt werden: %1.</translation>
    </message>
    <message>
        <source>Sale %1 had been paid: it was confirmed as order %2. Reprint its tickets from Find order (Ctrl+F).</source>
        <translation>Verkauf %1 war bereits bezahlt: Er wurde als Bestellung %2 bestätigt. Drucken Sie die Tickets über „Bestellung suchen“ (Ctrl+F) nach.</translation>
    </message>
    <message>
        <source>Sale %1 was released: its seats are back on sale.</source>
        <translation>Verkauf %1 wurde freigegeben: Seine Plätze sind wieder im Verkauf.</translation>
    </message>
    <message>
        <source>Sale %1 could not be released yet (%2): try again.</source>
        <extracomment>%1 is a sale reference, %2 says why.</extracomment>
        <translation>Verkauf %1 konnte noch nicht freigegeben werden (%2): Bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you close the shift.</source>
        <translation>Schließen oder leeren Sie den Warenkorb, bevor Sie die Schicht schließen.</translation>
    </message>
    <message>
        <source>The shift is closed. Goodbye.</source>
        <translation>Die Schicht ist geschlossen. Auf Wiedersehen.</translation>
    </message>
    <message>
        <source>Wait for the current step to finish before you quit.</source>
        <translation>Warten Sie, bis der aktuelle Schritt abgeschlossen ist, bevor Sie beenden.</translation>
    </message>
    <message>
        <source>Standing &amp;places</source>
        <translation>Steh&amp;plätze</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
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
    <name>usher::ui::EventPicker</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <source>Few left</source>
        <translation>Wenige übrig</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Veranstaltungen</translation>
    </message>
    <message>
        <source>Search name, performer, venue, city or date (Ctrl+E)</source>
        <translation>Name, Künstler, Spielstätte, Stadt oder Datum suchen (Ctrl+E)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Filter on; Space or click removes it</source>
        <translation>Filter aktiv; Leertaste oder Klick entfernt ihn</translation>
    </message>
    <message>
        <source>Show only these events</source>
        <translation>Nur diese Veranstaltungen zeigen</translation>
    </message>
    <message>
        <source>Past events (%1)</source>
        <translation>Vergangene Veranstaltungen (%1)</translation>
    </message>
    <message>
        <source>Past events shown; Space or click hides them</source>
        <translation>Vergangene Veranstaltungen sichtbar; Leertaste oder Klick blendet sie aus</translation>
    </message>
    <message>
        <source>Also show events that started before today</source>
        <translation>Auch Veranstaltungen zeigen, die vor heute begonnen haben</translation>
    </message>
</context>
<context>
    <name>usher::ui::EventSetup</name>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Preise</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Kanäle</translation>
    </message>
    <message>
        <source>&amp;Waiting room</source>
        <translation>&amp;Warteraum</translation>
    </message>
    <message>
        <source>&amp;Save event</source>
        <translation>Veranstaltung &amp;speichern</translation>
    </message>
    <message>
        <source>Publish to &amp;usherd</source>
        <translation>Auf &amp;usherd veröffentlichen</translation>
    </message>
    <message>
        <source>Set the central server&apos;s address and a token first</source>
        <translation>Legen Sie zuerst die Adresse des zentralen Servers und ein Token fest</translation>
    </message>
    <message>
        <source>e.g. Winter concert</source>
        <translation>z. B. Winterkonzert</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Pe&amp;rformer:</source>
        <translation>Künst&amp;ler:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Spielstätte:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Wäh&amp;rung:</translation>
    </message>
    <message>
        <source>&amp;Hold duration:</source>
        <translation>Reservierungs&amp;dauer:</translation>
    </message>
    <message>
        <source>&amp;Max tickets per order:</source>
        <translation>&amp;Max. Tickets pro Bestellung:</translation>
    </message>
    <message>
        <source>Price types (adult, concession, child…):</source>
        <translation>Tarife (Erwachsene, ermäßigt, Kinder…):</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Add price type</source>
        <translation>Tarif hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Prices per category (empty: not sold at that price type):</source>
        <translation>Preise pro Kategorie (leer: zu diesem Tarif nicht verkauft):</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Erwachsene</translation>
    </message>
    <message>
        <source>Concession</source>
        <translation>Ermäßigt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sales channels and their onsale windows (local time of the event&apos;s time zone):</source>
        <translation>Vertriebskanäle und ihre Verkaufszeiträume (Ortszeit der Zeitzone der Veranstaltung):</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Onsale</source>
        <translation>Verkaufsstart</translation>
    </message>
    <message>
        <source>Offsale</source>
        <translation>Verkaufsende</translation>
    </message>
    <message>
        <source>Add box office</source>
        <translation>Kasse hinzufügen</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Box office 1</source>
        <translation>Kasse 1</translation>
    </message>
    <message>
        <source>Box office %1</source>
        <translation>Kasse %1</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Queue buyers in a waiting room at the online onsale</source>
        <translation>Käufer beim Online-Verkaufsstart in einem Warteraum einreihen</translation>
    </message>
    <message>
        <source>Capacity planner</source>
        <translation>Kapazitätsplaner</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Use the suggested rate</source>
        <translation>Vorgeschlagene Rate übernehmen</translation>
    </message>
    <message>
        <source>Purchase sessions at once (C):</source>
        <translation>Gleichzeitige Kaufsitzungen (C):</translation>
    </message>
    <message>
        <source>Average purchase time (T):</source>
        <translation>Durchschnittliche Kaufdauer (T):</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Einlass</translation>
    </message>
    <message>
        <source> users/s</source>
        <translation> Nutzer/s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Drain rate:</source>
        <translation>Einlassrate:</translation>
    </message>
    <message>
        <source>Batch every:</source>
        <translation>Batch alle:</translation>
    </message>
    <message>
        <source>Admitted sessions at most:</source>
        <translation>Höchstens zugelassene Sitzungen:</translation>
    </message>
    <message>
        <source>Heartbeat every:</source>
        <translation>Heartbeat alle:</translation>
    </message>
    <message>
        <source>Queue time to live:</source>
        <translation>Lebensdauer der Warteschlange:</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Zuteilungen</translation>
    </message>
    <message>
        <source>Box offices sell their allocated seats even offline. Pick a channel, select seats (click, Shift+drag), then allocate.</source>
        <translation>Kassen verkaufen ihre zugeteilten Plätze auch offline. Wählen Sie einen Kanal, markieren Sie Plätze (Klick, Umschalt+Ziehen) und teilen Sie sie dann zu.</translation>
    </message>
    <message>
        <source>&amp;Allocate selected</source>
        <translation>Auswahl zu&amp;teilen</translation>
    </message>
    <message>
        <source>&amp;Return to open pool</source>
        <translation>An den freien Pool zur&amp;ückgeben</translation>
    </message>
    <message>
        <source>%1 · seats: %L2 · standing places: %L3</source>
        <translation>%1 · Plätze: %L2 · Stehplätze: %L3</translation>
    </message>
    <message>
        <source>%1 · seats: %L2</source>
        <translation>%1 · Plätze: %L2</translation>
    </message>
    <message>
        <source>Every seat is in the open pool.</source>
        <translation>Jeder Platz ist im freien Pool.</translation>
    </message>
    <message>
        <source>Suggested drain rate: R = 0.8 × %1 / %2 s = %3 users/s</source>
        <translation>Vorgeschlagene Einlassrate: R = 0,8 × %1 / %2 s = %3 Nutzer/s</translation>
    </message>
    <message>
        <source>Enter the event&apos;s name.</source>
        <translation>Geben Sie den Namen der Veranstaltung ein.</translation>
    </message>
    <message>
        <source>The name is too long (at most 1,024 bytes).</source>
        <translation>Der Name ist zu lang (höchstens 1.024 Bytes).</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: pick one from the list.</source>
        <translation>Unbekannte Zeitzone „%1“: Wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <source>Choose a venue: design one or import it in the venue designer.</source>
        <translation>Wählen Sie eine Spielstätte: Entwerfen oder importieren Sie eine im Saalplaner.</translation>
    </message>
    <message>
        <source>Unknown currency &quot;%1&quot;: use an ISO 4217 code such as EUR.</source>
        <translation>Unbekannte Währung „%1“: Verwenden Sie einen ISO-4217-Code wie EUR.</translation>
    </message>
    <message>
        <source>Every price type needs its own key (row %1).</source>
        <translation>Jeder Tarif braucht einen eigenen Schlüssel (Zeile %1).</translation>
    </message>
    <message>
        <source>Add at least one price type.</source>
        <translation>Fügen Sie mindestens einen Tarif hinzu.</translation>
    </message>
    <message>
        <source>%1, %2: &quot;%3&quot; is not an amount in %4 (e.g. %5).</source>
        <translation>%1, %2: „%3“ ist kein Betrag in %4 (z. B. %5).</translation>
    </message>
    <message>
        <source>Enter at least one price: nothing can be sold without one.</source>
        <translation>Geben Sie mindestens einen Preis ein: Ohne Preis kann nichts verkauft werden.</translation>
    </message>
    <message>
        <source>Add at least one sales channel.</source>
        <translation>Fügen Sie mindestens einen Vertriebskanal hinzu.</translation>
    </message>
    <message>
        <source>Channel %1 has no name.</source>
        <translation>Kanal %1 hat keinen Namen.</translation>
    </message>
    <message>
        <source>%1: the offsale must be after the onsale.</source>
        <translation>%1: Das Verkaufsende muss nach dem Verkaufsstart liegen.</translation>
    </message>
    <message>
        <source>The event is not valid: %1</source>
        <translation>Die Veranstaltung ist ungültig: %1</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>Korrigieren Sie zuerst die rot markierten Felder.</translation>
    </message>
    <message>
        <source>Saved event %1 (%2).</source>
        <translation>Veranstaltung %1 gespeichert (%2).</translation>
    </message>
    <message>
        <source>Saved, but the allocations failed: %1</source>
        <translation>Gespeichert, aber die Zuteilungen sind fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 (%2)</source>
        <translation>Nicht gespeichert: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln seat(s) (the venue of a stored event cannot change)</source>
        <translation>
            <numerusform>%1: %Ln Platz (die Spielstätte einer gespeicherten Veranstaltung kann sich nicht ändern)</numerusform>
            <numerusform>%1: %Ln Plätze (die Spielstätte einer gespeicherten Veranstaltung kann sich nicht ändern)</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish venue, event and waiting room to %1</source>
        <translation>Spielstätte, Veranstaltung und Warteraum auf %1 veröffentlichen</translation>
    </message>
    <message>
        <source>Publishing to %1…</source>
        <translation>Veröffentliche auf %1…</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>Veranstaltung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Find an event to change: search as you type (%1)</source>
        <translation>Eine Veranstaltung zum Ändern finden: Suche beim Tippen (%1)</translation>
    </message>
    <message>
        <source>Its usherd id could not be kept (%1): publish it again from this session only.</source>
        <translation>Ihre usherd-ID konnte nicht behalten werden (%1): Veröffentlichen Sie sie nur aus dieser Sitzung erneut.</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Veranstaltung öffnen</translation>
    </message>
    <message>
        <source>Opened event %1 (%2).</source>
        <translation>Veranstaltung %1 geöffnet (%2).</translation>
    </message>
    <message>
        <source>Event %1 is no longer there.</source>
        <translation>Die Veranstaltung %1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2; events published before are not recognised.</source>
        <translation>%1 kann nicht gelesen werden: %2; früher veröffentlichte Veranstaltungen werden nicht erkannt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Neue Veranstaltung</translation>
    </message>
    <message>
        <source>Start an empty form for another event (%1)</source>
        <translation>Ein leeres Formular für eine weitere Veranstaltung beginnen (%1)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Discard them and start a new event?</source>
        <translation>Das Formular hat ungespeicherte Änderungen. Verwerfen und eine neue Veranstaltung beginnen?</translation>
    </message>
    <message>
        <source>New event in %1: fill in the form, then save.</source>
        <translation>Neue Veranstaltung in %1: Füllen Sie das Formular aus und speichern Sie.</translation>
    </message>
    <message>
        <source>No venue yet: design one in the venue designer, or open an event.</source>
        <translation>Noch kein Veranstaltungsort: Entwerfen Sie einen im Saalplan-Designer oder öffnen Sie eine Veranstaltung.</translation>
    </message>
    <message>
        <source>No venue yet. Design one in the venue designer and choose &quot;Use for an event&quot;, or open an event.</source>
        <translation>Noch kein Veranstaltungsort. Entwerfen Sie einen im Saalplan-Designer und wählen Sie „Für eine Veranstaltung verwenden“, oder öffnen Sie eine Veranstaltung.</translation>
    </message>
    <message>
        <source>New event: design a venue, fill in the form, then save.</source>
        <translation>Neue Veranstaltung: Entwerfen Sie einen Veranstaltungsort, füllen Sie das Formular aus und speichern Sie.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ExchangeDialog</name>
    <message>
        <source>the ticket is not part of the order</source>
        <translation>das Ticket gehört nicht zur Bestellung</translation>
    </message>
    <message>
        <source>the ticket is no longer valid</source>
        <translation>das Ticket ist nicht mehr gültig</translation>
    </message>
    <message>
        <source>a standing ticket has no seat to exchange</source>
        <translation>ein Stehplatzticket hat keinen Platz zum Umtauschen</translation>
    </message>
    <message>
        <source>no such seat</source>
        <translation>kein solcher Platz</translation>
    </message>
    <message>
        <source>that is the ticket&apos;s own seat</source>
        <translation>das ist der eigene Platz des Tickets</translation>
    </message>
    <message>
        <source>the seat was taken in the meantime</source>
        <translation>der Platz wurde inzwischen vergeben</translation>
    </message>
    <message>
        <source>the ticket&apos;s price type is not sold in that seat&apos;s category</source>
        <translation>der Tarif des Tickets wird in der Kategorie dieses Platzes nicht verkauft</translation>
    </message>
    <message>
        <source>same price</source>
        <translation>gleicher Preis</translation>
    </message>
    <message>
        <source>Exchange seats of order %1</source>
        <translation>Plätze der Bestellung %1 umtauschen</translation>
    </message>
    <message>
        <source>Each free seat shows what it costs more (+) or less (−) for the ticket&apos;s price type. The customer pays the difference, or gets it back, in cash or by card.</source>
        <translation>Jeder freie Platz zeigt, was er für den Tarif des Tickets mehr (+) oder weniger (−) kostet. Der Kunde zahlt die Differenz oder erhält sie zurück, bar oder per Karte.</translation>
    </message>
    <message>
        <source>&amp;Tickets:</source>
        <translation>&amp;Tickets:</translation>
    </message>
    <message>
        <source>New &amp;seat (type to filter):</source>
        <translation>Neuer &amp;Platz (zum Filtern tippen):</translation>
    </message>
    <message>
        <source>e.g. row B 7</source>
        <translation>z. B. Reihe B 7</translation>
    </message>
    <message>
        <source>Free seats, with the difference in price</source>
        <translation>Freie Plätze mit der Preisdifferenz</translation>
    </message>
    <message>
        <source>Required, e.g. wants an aisle seat</source>
        <translation>Erforderlich, z. B. möchte einen Gangplatz</translation>
    </message>
    <message>
        <source>Print the new tickets (thermal)</source>
        <translation>Die neuen Tickets drucken (Thermodrucker)</translation>
    </message>
    <message>
        <source>Save the new tickets as PDF (A4)</source>
        <translation>Die neuen Tickets als PDF speichern (A4)</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>Aus&amp;gabe:</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>Differenz:</translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation>&amp;Zahlung:</translation>
    </message>
    <message>
        <source>Cash &amp;handed over:</source>
        <translation>&amp;Übergebenes Bargeld:</translation>
    </message>
    <message>
        <source>Super&amp;visor login:</source>
        <translation>Anmeldename des Schicht&amp;leiters:</translation>
    </message>
    <message>
        <source>&amp;Choose seat</source>
        <translation>Platz &amp;wählen</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>&amp;Umtauschen</translation>
    </message>
    <message>
        <source>&amp;Print / save tickets</source>
        <translation>Tickets &amp;drucken / speichern</translation>
    </message>
    <message>
        <source>Pay in c&amp;ash instead</source>
        <translation>Stattdessen b&amp;ar zahlen</translation>
    </message>
    <message>
        <source>Cancel card payment (Esc)</source>
        <translation>Kartenzahlung abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged and no seat moves unless the customer had already paid.</source>
        <translation>Bittet das Terminal um Abbruch, während der Kunde am Tastenfeld ist. Es wird nichts belastet und kein Platz verschoben, sofern der Kunde nicht schon bezahlt hat.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No valid seated ticket in this order to exchange.</source>
        <translation>Diese Bestellung hat kein gültiges Sitzplatzticket zum Umtauschen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is a seat, %2 the difference in price (+12.00 EUR, −5.00 EUR or ±0).</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Pick a ticket and a free seat first.</source>
        <translation>Wählen Sie zuerst ein Ticket und einen freien Platz.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) to move. Give a reason and press Exchange (Alt+X).</source>
        <translation>
            <numerusform>%n Ticket zu verschieben. Geben Sie einen Grund an und drücken Sie „Umtauschen“ (Alt+U).</numerusform>
            <numerusform>%n Tickets zu verschieben. Geben Sie einen Grund an und drücken Sie „Umtauschen“ (Alt+U).</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer pays %1 more.</source>
        <translation>Der Kunde zahlt %1 mehr.</translation>
    </message>
    <message>
        <source>Cash (with change)</source>
        <translation>Bar (mit Rückgeld)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>The customer gets %1 back.</source>
        <translation>Der Kunde erhält %1 zurück.</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Bargeld aus der Kassenlade</translation>
    </message>
    <message>
        <source>Back to the card of the sale</source>
        <translation>Zurück auf die Karte des Verkaufs</translation>
    </message>
    <message>
        <source>The same price: no money changes hands.</source>
        <translation>Gleicher Preis: Es fließt kein Geld.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Rückgeld: %1</translation>
    </message>
    <message>
        <source>Choose a new seat for at least one ticket first.</source>
        <translation>Wählen Sie zuerst für mindestens ein Ticket einen neuen Platz.</translation>
    </message>
    <message>
        <source>The cash handed over must cover the difference, %1.</source>
        <translation>Das übergebene Bargeld muss die Differenz von %1 decken.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal: the customer pays there… (Esc cancels)</source>
        <translation>Warte auf das Kartenterminal: Der Kunde zahlt dort… (Esc bricht ab)</translation>
    </message>
    <message>
        <source>Cancelling the card payment: waiting for the terminal&apos;s answer…</source>
        <translation>Kartenzahlung wird abgebrochen: Warte auf die Antwort des Terminals…</translation>
    </message>
    <message>
        <source>Card payment cancelled: nothing was charged and no seat moved. Take cash or try the card again.</source>
        <translation>Kartenzahlung abgebrochen: Es wurde nichts belastet und kein Platz verschoben. Nehmen Sie Bargeld oder versuchen Sie die Karte erneut.</translation>
    </message>
    <message>
        <source>Too late to cancel: the customer had already paid by card.</source>
        <translation>Zu spät zum Abbrechen: Der Kunde hatte bereits mit Karte bezahlt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A price changed since the difference was shown: check it and exchange again.</source>
        <translation>Ein Preis hat sich geändert, seit die Differenz angezeigt wurde: Prüfen Sie ihn und tauschen Sie erneut um.</translation>
    </message>
    <message>
        <source>The card payment did not go through (%1): nothing was moved. Take cash or another card.</source>
        <translation>Die Kartenzahlung ist nicht durchgegangen (%1): Es wurde nichts verschoben. Nehmen Sie Bargeld oder eine andere Karte.</translation>
    </message>
    <message>
        <source>Not possible: %1.</source>
        <translation>Nicht möglich: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) moved, with new codes: print or save them (Alt+P).</source>
        <translation>
            <numerusform>%n Ticket mit neuem Code verschoben: Drucken oder speichern Sie es (Alt+D).</numerusform>
            <numerusform>%n Tickets mit neuen Codes verschoben: Drucken oder speichern Sie sie (Alt+D).</numerusform>
        </translation>
    </message>
    <message>
        <source>The terminal declined giving %1 back to the card (reference %2): pay it in cash instead (Alt+A).</source>
        <translation>Das Terminal hat die Rückzahlung von %1 auf die Karte abgelehnt (Referenz %2): Zahlen Sie den Betrag stattdessen bar aus (Alt+A).</translation>
    </message>
    <message>
        <source>The terminal&apos;s answer about giving %1 back to the card is unknown (reference %2): do not pay cash; check the terminal.</source>
        <translation>Die Antwort des Terminals zur Rückzahlung von %1 auf die Karte ist unbekannt (Referenz %2): Zahlen Sie nicht bar aus; prüfen Sie das Terminal.</translation>
    </message>
    <message>
        <source>The customer still owes %1: a move that lowered the price was refused.</source>
        <translation>Der Kunde schuldet noch %1: Eine Verschiebung, die den Preis gesenkt hätte, wurde abgelehnt.</translation>
    </message>
    <message>
        <source>%1 taken in cash. Change due: %2.</source>
        <translation>%1 bar erhalten. Rückgeld: %2.</translation>
    </message>
    <message>
        <source>%1 taken in cash.</source>
        <translation>%1 bar erhalten.</translation>
    </message>
    <message>
        <source>Card approved: %1 (auth. %2).</source>
        <extracomment>%1 is an amount, %2 the terminal&apos;s authorisation code.</extracomment>
        <translation>Karte genehmigt: %1 (Autor. %2).</translation>
    </message>
    <message>
        <source>Hand %1 to the customer from the drawer.</source>
        <translation>Geben Sie dem Kunden %1 aus der Kassenlade.</translation>
    </message>
    <message>
        <source>%1 refunded to the card.</source>
        <translation>%1 auf die Karte erstattet.</translation>
    </message>
    <message>
        <source>No money changed hands.</source>
        <translation>Es ist kein Geld geflossen.</translation>
    </message>
    <message>
        <source>Paid in cash instead: hand %1 to the customer.</source>
        <translation>Stattdessen bar ausgezahlt: Geben Sie dem Kunden %1.</translation>
    </message>
    <message>
        <source>Nothing was moved: the exchange could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the exchange.</extracomment>
        <translation>Es wurde nichts umgebucht: Der Umtausch konnte nicht für usherd protokolliert werden: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRun</name>
    <message>
        <source>Enter the address of usherd, e.g. https://tickets.example.org:8443.</source>
        <translation>Geben Sie die Adresse von usherd ein, z. B. https://tickets.example.org:8443.</translation>
    </message>
    <message>
        <source>This is not a valid address. Write it as http://host:port or https://host:port.</source>
        <translation>Das ist keine gültige Adresse. Schreiben Sie sie als http://host:port oder https://host:port.</translation>
    </message>
    <message>
        <source>The address starts with http:// or https://.</source>
        <translation>Die Adresse beginnt mit http:// oder https://.</translation>
    </message>
    <message>
        <source>The address names no host.</source>
        <translation>Die Adresse nennt keinen Host.</translation>
    </message>
    <message>
        <source>Give usherd&apos;s address only (scheme, host and port), without a path, user or query.</source>
        <translation>Geben Sie nur die Adresse von usherd an (Schema, Host und Port), ohne Pfad, Benutzer oder Abfrage.</translation>
    </message>
    <message>
        <source>Choose a login for the administrator.</source>
        <translation>Wählen Sie einen Anmeldenamen für den Admin.</translation>
    </message>
    <message>
        <source>A login has at most 64 characters: lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Ein Anmeldename hat höchstens 64 Zeichen: Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Geben Sie den Namen des Admins ein.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>Der Name ist zu lang.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The password is too long (at most 256 bytes).</source>
        <translation>Das Passwort ist zu lang (höchstens 256 Byte).</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Creating the administrator&apos;s account failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Das Konto des Admins konnte nicht angelegt werden: %1.</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunAdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>Der Admin</translation>
    </message>
    <message>
        <source>The first account of this box office. It creates the clerks&apos;, supervisors&apos; and promoters&apos; accounts.</source>
        <translation>Das erste Konto dieser Kasse. Damit legen Sie die Konten der Kassierer, Schichtleiter und Veranstalter an.</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;; the password needs at least 8 characters. Keep it safe: nobody can read it back.</source>
        <translation>Ein Anmeldename besteht aus Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;; das Passwort braucht mindestens 8 Zeichen. Bewahren Sie es sicher auf: Niemand kann es wieder auslesen.</translation>
    </message>
    <message>
        <source>L&amp;ogin:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>Passwort w&amp;iederholen:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Name:</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunDemoPage</name>
    <message>
        <source>Demo venues and events</source>
        <translation>Demo-Spielstätten und -Veranstaltungen</translation>
    </message>
    <message>
        <source>Try Usher out on sample data, or start with an empty box office.</source>
        <translation>Probieren Sie Usher mit Beispieldaten aus, oder beginnen Sie mit einer leeren Kasse.</translation>
    </message>
    <message>
        <source>The demo adds a concert hall and a studio with two events: the first already has seats allocated to the box office, house seats blocked and about a quarter of its tickets sold. Every change goes through the engine, so the audit log tells the same story.</source>
        <translation>Die Demo legt einen Konzertsaal und ein Studio mit zwei Veranstaltungen an: Bei der ersten sind schon Plätze der Kasse zugeteilt, Hausplätze gesperrt und etwa ein Viertel der Tickets verkauft. Jede Änderung läuft über die Engine, daher erzählt das Prüfprotokoll dieselbe Geschichte.</translation>
    </message>
    <message>
        <source>&amp;Load the demo venues and events</source>
        <translation>&amp;Demo-Spielstätten und -Veranstaltungen laden</translation>
    </message>
    <message>
        <source>Finish creates the administrator&apos;s account and signs you in. The user guide is under Help (F1).</source>
        <translation>„Fertigstellen“ legt das Konto des Admins an und meldet Sie an. Das Benutzerhandbuch finden Sie unter Hilfe (F1).</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunLanguagePage</name>
    <message>
        <source>Welcome to Usher</source>
        <translation>Willkommen bei Usher</translation>
    </message>
    <message>
        <source>A few questions before the box office opens. You can change the language later in the settings.</source>
        <translation>Ein paar Fragen, bevor die Kasse öffnet. Die Sprache können Sie später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Choose the language of Usher&apos;s windows, tickets and reports.</source>
        <translation>Wählen Sie die Sprache der Fenster, Tickets und Berichte von Usher.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <extracomment>%1 is the system&apos;s language in that language, e.g. &quot;Deutsch&quot;.</extracomment>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>Usher keeps its data in %1. To use another folder, start it with --data FOLDER.</source>
        <extracomment>%1 is a folder.</extracomment>
        <translation>Usher speichert seine Daten in %1. Für einen anderen Ordner starten Sie es mit --data ORDNER.</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunServerPage</name>
    <message>
        <source>Asking %1…</source>
        <extracomment>%1 is an address.</extracomment>
        <translation>Frage %1 an…</translation>
    </message>
    <message>
        <source>usherd answers at %1.</source>
        <extracomment>%1 is an address.</extracomment>
        <translation>usherd antwortet unter %1.</translation>
    </message>
    <message>
        <source>No answer from usherd at %1: %2. You can go on and connect later.</source>
        <extracomment>%1 is an address, %2 the error.</extracomment>
        <translation>Keine Antwort von usherd unter %1: %2. Sie können fortfahren und sich später verbinden.</translation>
    </message>
    <message>
        <source>Stand-alone or connected</source>
        <translation>Eigenständig oder verbunden</translation>
    </message>
    <message>
        <source>Usher sells on its own, or together with the central usherd service of your organisation.</source>
        <translation>Usher verkauft eigenständig oder zusammen mit dem zentralen usherd-Dienst Ihrer Organisation.</translation>
    </message>
    <message>
        <source>&amp;Stand-alone: this computer is the whole box office</source>
        <translation>&amp;Eigenständig: Dieser Computer ist die ganze Kasse</translation>
    </message>
    <message>
        <source>&amp;Connected to usherd (online sales, other box offices, the live dashboard)</source>
        <translation>&amp;Verbunden mit usherd (Onlineverkauf, andere Kassen, das Live-Dashboard)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunWizard</name>
    <message>
        <source>Usher: first start</source>
        <translation>Usher: erster Start</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>usher::ui::HelpMenu</name>
    <message>
        <source>About Usher</source>
        <translation>Über Usher</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Usher&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Box office and event ticketing: counter sales, venues and events, live onsales and the audit log.&lt;/p&gt;</source>
        <extracomment>%1 is the version number.</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;Usher&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Kasse und Ticketverkauf für Veranstaltungen: Verkauf an der Kasse, Spielstätten und Veranstaltungen, Verkaufsstarts live und das Prüfprotokoll.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hel&amp;p</source>
        <translation>H&amp;ilfe</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About Usher</source>
        <translation>Ü&amp;ber Usher</translation>
    </message>
</context>
<context>
    <name>usher::ui::LocalMetricsFeed</name>
    <message>
        <source>this computer (no usherd)</source>
        <translation>dieser Computer (kein usherd)</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>The event&apos;s engine has stopped.</source>
        <translation>Die Engine der Veranstaltung ist gestoppt.</translation>
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
        <translation>Plätze nach &amp;Block</translation>
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
        <translation>Usher – %1</translation>
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
            <numerusform>%Ln Platz</numerusform>
            <numerusform>%Ln Plätze</numerusform>
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
            <numerusform>%Ln Kanälen zugeteilt</numerusform>
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
        <translation>Den Saal in die Ansicht einpassen (0)</translation>
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
        <translation>&amp;Färben nach:</translation>
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
        <translation>Auswahl &amp;aufheben</translation>
    </message>
    <message>
        <source>Click seats to select them, or use the arrow keys and Space.</source>
        <translation>Klicken Sie auf Plätze, um sie auszuwählen, oder verwenden Sie die Pfeiltasten und die Leertaste.</translation>
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
    <name>usher::ui::MetricsFeed</name>
    <message>
        <source>The waiting room can be changed only when connected to usherd.</source>
        <translation>Der Warteraum kann nur mit Verbindung zu usherd geändert werden.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OnsaleDashboard</name>
    <message>
        <source>%1/s</source>
        <extracomment>A rate, e.g. &quot;12.5/s&quot;.</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>OFFEN</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>halb offen</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Event list</source>
        <translation>Veranstaltungsliste</translation>
    </message>
    <message>
        <source>Event detail</source>
        <translation>Veranstaltungsdetail</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Live onsale</source>
        <translation>Live-Verkaufsstart</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Veranstaltung:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation>Warte auf Daten…</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Länge der Warteschlange</translation>
    </message>
    <message>
        <source>Inflow / outflow</source>
        <translation>Zufluss / Abfluss</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Aktive Sitzungen</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Reservierungen</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Conflicts (409)</source>
        <translation>Konflikte (409)</translation>
    </message>
    <message>
        <source>Rate limited (429)</source>
        <translation>Ratenbegrenzt (429)</translation>
    </message>
    <message>
        <source>Released holds</source>
        <translation>Freigegebene Reservierungen</translation>
    </message>
    <message>
        <source>Abandonment</source>
        <translation>Abbruchquote</translation>
    </message>
    <message>
        <source>Gateway latency / errors</source>
        <translation>Gateway-Latenz / -Fehler</translation>
    </message>
    <message>
        <source>Gateway circuit</source>
        <translation>Gateway-Schutzschalter</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>Warteraum</translation>
    </message>
    <message>
        <source>people</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Queue flow</source>
        <translation>Warteschlangenfluss</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Inflow</source>
        <translation>Zufluss</translation>
    </message>
    <message>
        <source>Outflow</source>
        <translation>Abfluss</translation>
    </message>
    <message>
        <source>Drain rate setting</source>
        <translation>Eingestellte Einlassrate</translation>
    </message>
    <message>
        <source>Holds and sales</source>
        <translation>Reservierungen und Verkäufe</translation>
    </message>
    <message>
        <source>Refusals and releases</source>
        <translation>Ablehnungen und Freigaben</translation>
    </message>
    <message>
        <source>409 conflicts</source>
        <translation>409-Konflikte</translation>
    </message>
    <message>
        <source>429 refusals</source>
        <translation>429-Ablehnungen</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>90 %</source>
        <translation>90 %</translation>
    </message>
    <message>
        <source>Payment gateway</source>
        <translation>Zahlungs-Gateway</translation>
    </message>
    <message>
        <source>ms · errors/s</source>
        <translation>ms · Fehler/s</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>&amp;Pause queue…</source>
        <translation>Warteschlange &amp;anhalten…</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>Set &amp;drain rate…</source>
        <translation>Einlass&amp;rate festlegen…</translation>
    </message>
    <message>
        <source>Box offices</source>
        <translation>Kassen</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sync lag</source>
        <translation>Sync-Verzug</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>No box-office list: it needs a usherd with GET /api/devices.</source>
        <translation>Keine Kassenliste: Dafür braucht es einen usherd mit GET /api/devices.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is an event id, %2 its name.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>Veranstaltung %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Not updating</source>
        <translation>Keine Aktualisierung</translation>
    </message>
    <message>
        <source>Sales figures: %1</source>
        <translation>Verkaufszahlen: %1</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>kein Warteraum</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>Gateway latency and error rate, e.g. &quot;840 ms / 0.2/s&quot;.</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <extracomment>%1 is the time an alert was raised, %2 what it says.</extracomment>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s). %1</source>
        <translation>
            <numerusform>%n Warnung. %1</numerusform>
            <numerusform>%n Warnungen. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No box office is connected.</source>
        <translation>Keine Kasse ist verbunden.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Resume queue…</source>
        <translation>Warteschlange &amp;fortsetzen…</translation>
    </message>
    <message>
        <source>Pausing and the drain rate need a connection to usherd with a promoter or admin token.</source>
        <translation>Anhalten und Einlassrate erfordern eine Verbindung zu usherd mit einem Veranstalter- oder Admin-Token.</translation>
    </message>
    <message>
        <source>This event has no waiting room.</source>
        <translation>Diese Veranstaltung hat keinen Warteraum.</translation>
    </message>
    <message>
        <source>Queue %1, drain rate %2.</source>
        <extracomment>%1 is &quot;running&quot; or &quot;paused&quot;, %2 a rate.</extracomment>
        <translation>Warteschlange %1, Einlassrate %2.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Pause the queue of %1? Nobody is admitted until you resume it; %2 people are waiting.</source>
        <extracomment>%1 is an event, %2 a number of people.</extracomment>
        <translation>Die Warteschlange von %1 anhalten? Niemand wird eingelassen, bis Sie sie fortsetzen; Wartende: %2.</translation>
    </message>
    <message>
        <source>Resume the queue of %1? Admissions start again at the drain rate.</source>
        <translation>Die Warteschlange von %1 fortsetzen? Der Einlass beginnt wieder mit der Einlassrate.</translation>
    </message>
    <message>
        <source>Pause the queue</source>
        <translation>Warteschlange anhalten</translation>
    </message>
    <message>
        <source>Resume the queue</source>
        <translation>Warteschlange fortsetzen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Change the drain rate of %1 from %2 to %3?</source>
        <extracomment>%1 is an event, %2 and %3 rates such as &quot;13.3/s&quot;.</extracomment>
        <translation>Die Einlassrate von %1 von %2 auf %3 ändern?</translation>
    </message>
    <message>
        <source>Change the drain rate</source>
        <translation>Einlassrate ändern</translation>
    </message>
    <message>
        <source>Done: the change is in force and in usherd&apos;s audit log.</source>
        <translation>Erledigt: Die Änderung gilt und steht im Prüfprotokoll von usherd.</translation>
    </message>
    <message>
        <source>%1 (%2 expired)</source>
        <extracomment>Released seats per second, then how many holds ran out per second, e.g. &quot;6.0/s (2.0/s expired)&quot;.</extracomment>
        <translation>%1 (%2 abgelaufen)</translation>
    </message>
</context>
<context>
    <name>usher::ui::OnsaleDashboardAlerts</name>
    <message>
        <source>Cache &quot;%1&quot;: hit ratio %2, below %3.</source>
        <extracomment>%1 is a cache&apos;s name, %2 and %3 percentages.</extracomment>
        <translation>Cache „%1“: Trefferquote %2, unter %3.</translation>
    </message>
    <message>
        <source>The queue is paused with %1 waiting.</source>
        <extracomment>%1 is a number of people.</extracomment>
        <translation>Die Warteschlange ist angehalten; Wartende: %1.</translation>
    </message>
    <message>
        <source>The drain has stalled: %1 waiting, nobody admitted for %2 s.</source>
        <extracomment>%1 is a number of people, %2 of seconds.</extracomment>
        <translation>Der Einlass stockt: Wartende: %1, seit %2 s niemand eingelassen.</translation>
    </message>
    <message>
        <source>The payment gateway&apos;s circuit is open: purchases fail fast.</source>
        <translation>Der Schutzschalter des Zahlungs-Gateways ist offen: Käufe scheitern sofort.</translation>
    </message>
    <message>
        <source>The payment gateway&apos;s circuit is half-open: probing the gateway.</source>
        <translation>Der Schutzschalter des Zahlungs-Gateways ist halb offen: Das Gateway wird getestet.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OpenCartsPage</name>
    <message>
        <source>seats held, not paid</source>
        <translation>Plätze reserviert, nicht bezahlt</translation>
    </message>
    <message>
        <source>payment started</source>
        <translation>Zahlung begonnen</translation>
    </message>
    <message>
        <source>paid, tickets being issued</source>
        <translation>bezahlt, Tickets werden ausgestellt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Open carts&lt;/h2&gt;These sales were not finished when Usher last stopped. Their seats are still held for you. Resume a cart to finish the sale, or release it: money taken is given back (a card payment is reversed) and the seats go back on sale.</source>
        <translation>&lt;h2&gt;Offene Warenkörbe&lt;/h2&gt;Diese Verkäufe waren nicht abgeschlossen, als Usher zuletzt beendet wurde. Ihre Plätze sind weiter für Sie reserviert. Setzen Sie einen Warenkorb fort, um den Verkauf abzuschließen, oder geben Sie ihn frei: Erhaltenes Geld wird zurückgegeben (eine Kartenzahlung wird storniert) und die Plätze gehen zurück in den Verkauf.</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>&amp;Resume (Enter)</source>
        <translation>&amp;Fortsetzen (Eingabe)</translation>
    </message>
    <message>
        <source>Re&amp;lease (Del)</source>
        <translation>Frei&amp;geben (Entf)</translation>
    </message>
    <message>
        <source>&amp;Go to the counter (Esc)</source>
        <translation>&amp;Zur Kasse (Esc)</translation>
    </message>
</context>
<context>
    <name>usher::ui::OpenShiftPage</name>
    <message>
        <source>Open your shift</source>
        <translation>Schicht öffnen</translation>
    </message>
    <message>
        <source>e.g. 150.00</source>
        <translation>z. B. 150,00</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>Schicht ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Cash &amp;float in the drawer:</source>
        <translation>Wechsel&amp;geld in der Kassenlade:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Wäh&amp;rung:</translation>
    </message>
    <message>
        <source>Welcome, %1. Count the cash float into the drawer and enter it.</source>
        <extracomment>%1 is the clerk&apos;s name.</extracomment>
        <translation>Willkommen, %1. Zählen Sie das Wechselgeld in die Kassenlade und geben Sie es ein.</translation>
    </message>
    <message>
        <source>The currency is a three-letter code such as EUR.</source>
        <translation>Die Währung ist ein Code aus drei Buchstaben wie EUR.</translation>
    </message>
    <message>
        <source>Enter the float as an amount such as 150.00.</source>
        <translation>Geben Sie das Wechselgeld als Betrag ein, z. B. 150,00.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OrderDialog</name>
    <message>
        <source>Find an order</source>
        <translation>Bestellung suchen</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Such&amp;begriff:</translation>
    </message>
    <message>
        <source>Order number, ticket code, buyer name, seat or payment reference</source>
        <translation>Bestellnummer, Ticketcode, Käufername, Platz oder Zahlungsreferenz</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Gefunden über</translation>
    </message>
    <message>
        <source>Orders found</source>
        <translation>Gefundene Bestellungen</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price type</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tickets of the order</source>
        <translation>Tickets der Bestellung</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Payments of the order</source>
        <translation>Zahlungen der Bestellung</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>&amp;Erstatten…</translation>
    </message>
    <message>
        <source>E&amp;xchange…</source>
        <translation>&amp;Umtauschen…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>S&amp;tornieren…</translation>
    </message>
    <message>
        <source>Re&amp;print…</source>
        <translation>&amp;Nachdrucken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Type an order number, a ticket code, a name, a seat or a payment reference.</source>
        <translation>Geben Sie eine Bestellnummer, einen Ticketcode, einen Namen, einen Platz oder eine Zahlungsreferenz ein.</translation>
    </message>
    <message>
        <source>No order found for “%1”.</source>
        <translation>Keine Bestellung für „%1“ gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) found. Down: to the list.</source>
        <translation>
            <numerusform>%n Bestellung gefunden. Pfeil nach unten: zur Liste.</numerusform>
            <numerusform>%n Bestellungen gefunden. Pfeil nach unten: zur Liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>No order selected.</source>
        <translation>Keine Bestellung ausgewählt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Order %1&lt;/b&gt; · %2 · %3 · sold %4 through %5</source>
        <translation>&lt;b&gt;Bestellung %1&lt;/b&gt; · %2 · %3 · verkauft %4 über %5</translation>
    </message>
    <message>
        <source>no buyer name</source>
        <translation>kein Käufername</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 · refunded %2 · %3 of %n ticket(s) valid</source>
        <translation>
            <numerusform>Gesamt %1 · erstattet %2 · %3 von %n Ticket gültig</numerusform>
            <numerusform>Gesamt %1 · erstattet %2 · %3 von %n Tickets gültig</numerusform>
        </translation>
    </message>
    <message>
        <source>No payment recorded here</source>
        <translation>Hier ist keine Zahlung erfasst</translation>
    </message>
    <message>
        <source>Open a shift to refund, exchange, void or reprint.</source>
        <translation>Öffnen Sie eine Schicht, um zu erstatten, umzutauschen, zu stornieren oder nachzudrucken.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n orders found; type more to narrow the search.</source>
        <translation>
            <numerusform>Die erste %n Bestellung gefunden; tippen Sie weiter, um die Suche einzugrenzen.</numerusform>
            <numerusform>Die ersten %n Bestellungen gefunden; tippen Sie weiter, um die Suche einzugrenzen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::PrometheusSnapshot</name>
    <message>
        <source>a metric name was expected</source>
        <translation>ein Metrikname wurde erwartet</translation>
    </message>
    <message>
        <source>a label name was expected</source>
        <translation>ein Label-Name wurde erwartet</translation>
    </message>
    <message>
        <source>a label needs =&quot;value&quot;</source>
        <translation>ein Label braucht =&quot;Wert&quot;</translation>
    </message>
    <message>
        <source>a label value is not closed</source>
        <translation>ein Label-Wert ist nicht abgeschlossen</translation>
    </message>
    <message>
        <source>a label list is not closed</source>
        <translation>eine Label-Liste ist nicht abgeschlossen</translation>
    </message>
    <message>
        <source>the value is not a number</source>
        <translation>der Wert ist keine Zahl</translation>
    </message>
    <message>
        <source>unexpected text after the value</source>
        <translation>unerwarteter Text nach dem Wert</translation>
    </message>
    <message>
        <source>the scrape is larger than 16 MiB: the rest was ignored</source>
        <translation>die Abfrage ist größer als 16 MiB: der Rest wurde ignoriert</translation>
    </message>
    <message>
        <source>more than %1 samples: the rest was ignored</source>
        <translation>mehr als %1 Messwerte: der Rest wurde ignoriert</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 is a line number, %2 what is wrong with the line.</extracomment>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>usher::ui::PromoterPublisher</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Storing the venue failed: %1</source>
        <translation>Speichern der Spielstätte fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Creating the event failed: %1</source>
        <translation>Anlegen der Veranstaltung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Event %1 was created, but setting its waiting room failed: %2</source>
        <translation>Veranstaltung %1 wurde angelegt, aber das Einrichten ihres Warteraums ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Published as event %1 on usherd.</source>
        <translation>Als Veranstaltung %1 auf usherd veröffentlicht.</translation>
    </message>
    <message>
        <source>Changing event %1 on usherd failed: %2</source>
        <translation>Ändern der Veranstaltung %1 auf usherd fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Event %1 was changed, but setting its waiting room failed: %2</source>
        <translation>Veranstaltung %1 wurde geändert, aber das Einrichten ihres Warteraums ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Published the changes to event %1 on usherd.</source>
        <translation>Die Änderungen an Veranstaltung %1 wurden auf usherd veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>usher::ui::RefundDialog</name>
    <message>
        <source>Refund order %1</source>
        <translation>Bestellung %1 erstatten</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3. Tick the tickets to refund (Space).</source>
        <translation>Bestellung %1 · %2 · %3. Haken Sie die zu erstattenden Tickets an (Leertaste).</translation>
    </message>
    <message>
        <source>no buyer name</source>
        <translation>kein Käufername</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Required, e.g. customer is ill</source>
        <translation>Erforderlich, z. B. Kunde ist krank</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Bargeld aus der Kassenlade</translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation>Zurück auf die Karte</translation>
    </message>
    <message>
        <source>&amp;Money back as:</source>
        <translation>&amp;Geld zurück als:</translation>
    </message>
    <message>
        <source>Super&amp;visor login:</source>
        <translation>Anmeldename des Schicht&amp;leiters:</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Erstatten</translation>
    </message>
    <message>
        <source>Pay in &amp;cash instead</source>
        <translation>Stattdessen &amp;bar auszahlen</translation>
    </message>
    <message>
        <source>&amp;Ask the terminal again</source>
        <translation>Terminal erneut &amp;fragen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>To refund: %1 for %n ticket(s).</source>
        <translation>
            <numerusform>Zu erstatten: %1 für %n Ticket.</numerusform>
            <numerusform>Zu erstatten: %1 für %n Tickets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one valid ticket.</source>
        <translation>Haken Sie mindestens ein gültiges Ticket an.</translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 for %n ticket(s): hand %1 in cash to the customer.</source>
        <translation>
            <numerusform>%1 für %n Ticket erstattet: Geben Sie dem Kunden %1 bar.</numerusform>
            <numerusform>%1 für %n Tickets erstattet: Geben Sie dem Kunden %1 bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 for %n ticket(s) back to the card (reference %2).</source>
        <translation>
            <numerusform>%1 für %n Ticket auf die Karte erstattet (Referenz %2).</numerusform>
            <numerusform>%1 für %n Tickets auf die Karte erstattet (Referenz %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>The tickets are refunded, but the card terminal %1 the card refund of %2 (reference %3). Pay it in cash instead, or refund it on the terminal by hand.</source>
        <translation>Die Tickets sind erstattet, aber die Kartenerstattung von %2 ist nicht durchgegangen (Terminal: %1, Referenz %3). Zahlen Sie den Betrag stattdessen bar aus oder erstatten Sie ihn am Terminal von Hand.</translation>
    </message>
    <message>
        <source>The tickets are refunded, but whether the card refund of %1 went through is not known (terminal %2, reference %3). Do not pay cash yet: ask the terminal again.</source>
        <translation>Die Tickets sind erstattet, aber ob die Kartenerstattung von %1 durchgegangen ist, ist unbekannt (Terminal %2, Referenz %3). Zahlen Sie noch nicht bar aus: Fragen Sie das Terminal erneut.</translation>
    </message>
    <message>
        <source>Paid in cash instead: hand %1 to the customer.</source>
        <translation>Stattdessen bar ausgezahlt: Geben Sie dem Kunden %1.</translation>
    </message>
    <message>
        <source>The terminal confirms the card refund of %1.</source>
        <translation>Das Terminal bestätigt die Kartenerstattung von %1.</translation>
    </message>
    <message>
        <source>The terminal says the card refund was %1: pay it in cash instead.</source>
        <translation>Laut Terminal wurde die Kartenerstattung %1: Zahlen Sie den Betrag stattdessen bar aus.</translation>
    </message>
    <message>
        <source>Still no answer from the terminal (%1). Try again in a moment.</source>
        <translation>Immer noch keine Antwort vom Terminal (%1). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Nothing was refunded: the refund could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the refund.</extracomment>
        <translation>Nichts wurde erstattet: Die Erstattung konnte nicht für usherd protokolliert werden: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::ReprintDialog</name>
    <message>
        <source>Reprint tickets of order %1</source>
        <translation>Tickets der Bestellung %1 nachdrucken</translation>
    </message>
    <message>
        <source>Each reprinted ticket gets a new code; its old code stops scanning. Tick the tickets to reprint (Space).</source>
        <translation>Jedes nachgedruckte Ticket erhält einen neuen Code; sein alter Code wird beim Scannen abgewiesen. Haken Sie die nachzudruckenden Tickets an (Leertaste).</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>%1 · %2 · code %3 · %4</source>
        <translation>%1 · %2 · Code %3 · %4</translation>
    </message>
    <message>
        <source>Required, e.g. ticket lost, printer jam</source>
        <translation>Erforderlich, z. B. Ticket verloren, Papierstau</translation>
    </message>
    <message>
        <source>Thermal ticket (2 × 5.5 in)</source>
        <translation>Thermoticket (2 × 5,5 Zoll)</translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation>A4-Seite</translation>
    </message>
    <message>
        <source>US Letter page</source>
        <translation>US-Letter-Seite</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>Aus&amp;gabe:</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>&amp;Nachdrucken</translation>
    </message>
    <message>
        <source>Output &amp;again</source>
        <translation>&amp;Erneut ausgeben</translation>
    </message>
    <message>
        <source>Print or save the new tickets again (no new codes)</source>
        <translation>Die neuen Tickets erneut drucken oder speichern (keine neuen Codes)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Tick at least one valid ticket.</source>
        <translation>Haken Sie mindestens ein gültiges Ticket an.</translation>
    </message>
    <message>
        <source>%1 · %2 · new code %3</source>
        <translation>%1 · %2 · neuer Code %3</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) reissued with new codes; the old codes no longer scan.</source>
        <translation>
            <numerusform>%n Ticket mit neuem Code neu ausgestellt; der alte Code wird nicht mehr angenommen.</numerusform>
            <numerusform>%n Tickets mit neuen Codes neu ausgestellt; die alten Codes werden nicht mehr angenommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not printed yet: use Output again.</source>
        <translation>Noch nicht gedruckt: Verwenden Sie „Erneut ausgeben“.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SalePage</name>
    <message>
        <source>Best available (F2)</source>
        <translation>Beste verfügbare Plätze (F2)</translation>
    </message>
    <message>
        <source>2, 4B, 2* …</source>
        <translation>2, 4B, 2* …</translation>
    </message>
    <message>
        <source>Quantity, then optionally a category key; * for accessible seats, ~ to allow splitting the group. Enter holds the best seats.</source>
        <translation>Anzahl, dann optional ein Kategorieschlüssel; * für barrierefreie Plätze, ~ erlaubt das Aufteilen der Gruppe. Eingabe reserviert die besten Plätze.</translation>
    </message>
    <message>
        <source>&amp;Together</source>
        <translation>&amp;Zusammen</translation>
    </message>
    <message>
        <source>&amp;Accessible</source>
        <translation>&amp;Barrierefrei</translation>
    </message>
    <message>
        <source>&amp;Hold best</source>
        <translation>Beste &amp;reservieren</translation>
    </message>
    <message>
        <source>Hold &amp;selected seats (Ctrl+H)</source>
        <translation>&amp;Ausgewählte Plätze reservieren (Ctrl+H)</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Left/Right or 1–9 change the ticket type of the selected line</source>
        <translation>Links/Rechts oder 1–9 ändern den Tariftyp der gewählten Zeile</translation>
    </message>
    <message>
        <source>&amp;Clear cart (Ctrl+Del)</source>
        <translation>Warenkorb &amp;leeren (Ctrl+Del)</translation>
    </message>
    <message>
        <source>Customer (optional, Ctrl+K)</source>
        <translation>Kunde (optional, Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Previous orders (Ctrl+Shift+F)</source>
        <translation>&amp;Frühere Bestellungen (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>Letzter Verkauf</translation>
    </message>
    <message>
        <source>No sale yet in this session.</source>
        <translation>In dieser Sitzung noch kein Verkauf.</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;Drucken… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save P&amp;DF… (Ctrl+Shift+S)</source>
        <translation>&amp;PDF speichern… (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Cash: what the customer hands over. Card: the amount to charge (less than what is due for a split payment).</source>
        <translation>Bar: was der Kunde übergibt. Karte: der zu belastende Betrag (weniger als fällig bei geteilter Zahlung).</translation>
    </message>
    <message>
        <source>Cash (Enter/F8)</source>
        <translation>Bar (Eingabe/F8)</translation>
    </message>
    <message>
        <source>Card (F9)</source>
        <translation>Karte (F9)</translation>
    </message>
    <message>
        <source>Complimentary (F10)</source>
        <translation>Freikarte (F10)</translation>
    </message>
    <message>
        <source>Cancel card payment (Esc)</source>
        <translation>Kartenzahlung abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged unless the customer had already paid.</source>
        <translation>Bittet das Terminal um Abbruch, während der Kunde am Tastenfeld ist. Es wird nichts belastet, sofern der Kunde nicht schon bezahlt hat.</translation>
    </message>
    <message>
        <source>supervisor login</source>
        <translation>Anmeldename des Schichtleiters</translation>
    </message>
    <message>
        <source>supervisor password</source>
        <translation>Passwort des Schichtleiters</translation>
    </message>
    <message>
        <source>A&amp;mount (F7):</source>
        <translation>B&amp;etrag (F7):</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you change the event.</source>
        <translation>Schließen oder leeren Sie den Warenkorb, bevor Sie die Veranstaltung wechseln.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Available to sell here&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hier verkäuflich&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <extracomment>%1 category name, %2 seats this desk can sell, %3 seats of the category.</extracomment>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 places</source>
        <extracomment>%1 standing area, %2 places left, %3 capacity.</extracomment>
        <translation>%1: %2 von %3 Plätzen</translation>
    </message>
    <message>
        <source>Choose an event first (Ctrl+E).</source>
        <translation>Wählen Sie zuerst eine Veranstaltung (Ctrl+E).</translation>
    </message>
    <message>
        <source>Type how many seats, e.g. 2, then Enter.</source>
        <translation>Geben Sie die Anzahl der Plätze ein, z. B. 2, dann Eingabe.</translation>
    </message>
    <message>
        <source>There is no category “%1” at this venue.</source>
        <extracomment>%1 is what the clerk typed as a category key.</extracomment>
        <translation>An dieser Spielstätte gibt es keine Kategorie „%1“.</translation>
    </message>
    <message>
        <source>Select seats on the map first (Ctrl+M, arrows, Space).</source>
        <translation>Wählen Sie zuerst Plätze im Saalplan (Ctrl+M, Pfeiltasten, Leertaste).</translation>
    </message>
    <message>
        <source>The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first.</source>
        <translation>Im Warenkorb sind bereits Plätze: Kassieren Sie sie oder leeren Sie zuerst den Warenkorb (Ctrl+Del).</translation>
    </message>
    <message>
        <source>Open a shift first.</source>
        <translation>Öffnen Sie zuerst eine Schicht.</translation>
    </message>
    <message>
        <source>Still working on the last step…</source>
        <translation>Der letzte Schritt läuft noch…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket(s))</source>
        <extracomment>%1 is a count of tickets, %2 an amount of money.</extracomment>
        <translation>
            <numerusform>&lt;b&gt;Summe: %2&lt;/b&gt; (%n Ticket)</numerusform>
            <numerusform>&lt;b&gt;Summe: %2&lt;/b&gt; (%n Tickets)</numerusform>
        </translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Der Warenkorb ist leer.</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nichts fällig</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Fällig: %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Freikarte</translation>
    </message>
    <message>
        <source> (outcome unknown)</source>
        <translation> (Ergebnis unbekannt)</translation>
    </message>
    <message>
        <source>No card terminal is configured.</source>
        <translation>Kein Kartenterminal eingerichtet.</translation>
    </message>
    <message>
        <source>Ticket types can only change before the payment starts.</source>
        <translation>Tariftypen lassen sich nur vor Beginn der Zahlung ändern.</translation>
    </message>
    <message>
        <source>That ticket type is not sold in this category.</source>
        <translation>Dieser Tariftyp wird in dieser Kategorie nicht verkauft.</translation>
    </message>
    <message>
        <source>payment in progress</source>
        <translation>Zahlung läuft</translation>
    </message>
    <message>
        <source>The hold expired: the seats went back on sale and the cart is empty.</source>
        <translation>Die Reservierung ist abgelaufen: Die Plätze sind wieder im Verkauf und der Warenkorb ist leer.</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <extracomment>%1 is minutes:seconds.</extracomment>
        <translation>Reservierung: %1</translation>
    </message>
    <message>
        <source>The hold runs out in %1: take the payment now.</source>
        <extracomment>%1 is minutes:seconds.</extracomment>
        <translation>Die Reservierung läuft in %1 ab: Kassieren Sie jetzt.</translation>
    </message>
    <message>
        <source>Cart cleared: the seats were released and any money taken was given back.</source>
        <translation>Warenkorb geleert: Die Plätze wurden freigegeben und erhaltenes Geld zurückgegeben.</translation>
    </message>
    <message>
        <source>A supervisor signs in here to approve complimentary tickets.</source>
        <translation>Hier meldet sich ein Schichtleiter an, um Freikarten zu genehmigen.</translation>
    </message>
    <message>
        <source>The cart is empty: hold seats first (F2).</source>
        <translation>Der Warenkorb ist leer: Reservieren Sie zuerst Plätze (F2).</translation>
    </message>
    <message>
        <source>Enter the amount as a number such as 50.00.</source>
        <translation>Geben Sie den Betrag als Zahl ein, z. B. 50,00.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal: the customer pays there… (Esc cancels)</source>
        <translation>Warte auf das Kartenterminal: Der Kunde zahlt dort… (Esc bricht ab)</translation>
    </message>
    <message>
        <source>Card payment cancelled: nothing was charged. The seats are still held; take cash or try the card again.</source>
        <translation>Kartenzahlung abgebrochen: Es wurde nichts belastet. Die Plätze bleiben reserviert; nehmen Sie Bargeld oder versuchen Sie die Karte erneut.</translation>
    </message>
    <message>
        <source>Too late to cancel: the customer had already paid by card.</source>
        <translation>Zu spät zum Abbrechen: Der Kunde hatte bereits mit Karte bezahlt.</translation>
    </message>
    <message>
        <source>Cancelling the card payment: waiting for the terminal&apos;s answer…</source>
        <translation>Kartenzahlung wird abgebrochen: Warte auf die Antwort des Terminals…</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Rückgeld: %1</translation>
    </message>
    <message>
        <source>Card approved: %1 (auth. %2)</source>
        <extracomment>%1 is an amount, %2 the terminal&apos;s authorisation code.</extracomment>
        <translation>Karte genehmigt: %1 (Autor. %2)</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Bezahlt: %1</translation>
    </message>
    <message>
        <source>Still due: %1</source>
        <translation>Noch fällig: %1</translation>
    </message>
    <message numerus="yes">
        <source>Order %1: %n ticket(s) %3.</source>
        <extracomment>%1 order number, %2 count of tickets, %3 where they went (e.g. &quot;printed on Thermal-1&quot;).</extracomment>
        <translation>
            <numerusform>Bestellung %1: %n Ticket %3.</numerusform>
            <numerusform>Bestellung %1: %n Tickets %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 is paid, but its tickets could not be issued: %2 Print them with Ctrl+P.</source>
        <extracomment>%1 order number, %2 the reason the tickets could not be printed or saved.</extracomment>
        <translation>Bestellung %1 ist bezahlt, aber ihre Tickets konnten nicht ausgestellt werden: %2 Drucken Sie sie mit Ctrl+P.</translation>
    </message>
    <message>
        <source>No sale to print yet.</source>
        <translation>Noch kein Verkauf zum Drucken.</translation>
    </message>
    <message>
        <source>No sale to save yet.</source>
        <translation>Noch kein Verkauf zum Speichern.</translation>
    </message>
    <message>
        <source>Save the tickets as PDF</source>
        <translation>Tickets als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Move to a seat on the map first (Ctrl+M, arrow keys).</source>
        <translation>Gehen Sie zuerst auf einen Platz im Saalplan (Ctrl+M, Pfeiltasten).</translation>
    </message>
    <message>
        <source>Not enough seats are available for that: try fewer, another category, or allow splitting (~).</source>
        <translation>Dafür sind nicht genug Plätze verfügbar: Versuchen Sie weniger, eine andere Kategorie oder erlauben Sie das Aufteilen (~).</translation>
    </message>
    <message>
        <source>The hold has expired: the seats went back on sale.</source>
        <translation>Die Reservierung ist abgelaufen: Die Plätze sind wieder im Verkauf.</translation>
    </message>
    <message>
        <source>This event is not on sale at the box office now.</source>
        <translation>Diese Veranstaltung ist an der Kasse derzeit nicht im Verkauf.</translation>
    </message>
    <message>
        <source>That is more tickets than one order may have.</source>
        <translation>Das sind mehr Tickets, als eine Bestellung haben darf.</translation>
    </message>
    <message>
        <source>The sale was refused: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Der Verkauf wurde abgelehnt: %1.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s login or password is wrong.</source>
        <translation>Anmeldename oder Passwort des Schichtleiters ist falsch.</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin can approve complimentary tickets.</source>
        <translation>Nur ein Schichtleiter oder ein Admin kann Freikarten genehmigen.</translation>
    </message>
    <message>
        <source>That supervisor account is locked after too many failed sign-ins.</source>
        <translation>Dieses Schichtleiterkonto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt.</translation>
    </message>
    <message>
        <source>The drawer does not hold enough cash for that change.</source>
        <translation>Für dieses Rückgeld ist nicht genug Bargeld in der Kassenlade.</translation>
    </message>
    <message>
        <source>That is more than what is still due.</source>
        <translation>Das ist mehr als noch fällig ist.</translation>
    </message>
    <message>
        <source>Your shift is closed: open a new one to sell.</source>
        <translation>Ihre Schicht ist geschlossen: Öffnen Sie eine neue, um zu verkaufen.</translation>
    </message>
    <message>
        <source>This event is sold in another currency than your shift&apos;s drawer.</source>
        <translation>Diese Veranstaltung wird in einer anderen Währung verkauft als die Ihrer Kassenlade.</translation>
    </message>
    <message>
        <source>The card terminal&apos;s answer is still unknown. Check the terminal, then press F9 to ask it again. The sale cannot finish or be cleared until then.</source>
        <translation>Die Antwort des Kartenterminals ist noch unbekannt. Prüfen Sie das Terminal und drücken Sie dann F9, um erneut nachzufragen. Bis dahin kann der Verkauf weder abgeschlossen noch geleert werden.</translation>
    </message>
    <message>
        <source>Saving failed (disk full or broken?). Nothing was lost; try again.</source>
        <translation>Speichern fehlgeschlagen (Festplatte voll oder defekt?). Es ging nichts verloren; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>That did not work: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Das hat nicht geklappt: %1.</translation>
    </message>
    <message>
        <source>Card DECLINED (%1). Ask for another card or take cash.</source>
        <extracomment>%1 is the terminal&apos;s reason.</extracomment>
        <translation>Karte ABGELEHNT (%1). Bitten Sie um eine andere Karte oder nehmen Sie Bargeld.</translation>
    </message>
    <message>
        <source>The card terminal did not answer in time; the payment was cancelled and nothing was charged. Try again or take cash.</source>
        <translation>Das Kartenterminal hat nicht rechtzeitig geantwortet; die Zahlung wurde abgebrochen und nichts belastet. Versuchen Sie es erneut oder nehmen Sie Bargeld.</translation>
    </message>
    <message>
        <source>The card terminal lost the connection; the payment was cancelled and nothing was charged. Try again or take cash.</source>
        <translation>Das Kartenterminal hat die Verbindung verloren; die Zahlung wurde abgebrochen und nichts belastet. Versuchen Sie es erneut oder nehmen Sie Bargeld.</translation>
    </message>
    <message>
        <source>The card terminal cannot be reached. Check its cable and power, or take cash.</source>
        <translation>Das Kartenterminal ist nicht erreichbar. Prüfen Sie Kabel und Stromversorgung oder nehmen Sie Bargeld.</translation>
    </message>
    <message>
        <source>Best available found seats outside this box office&apos;s allocation. Select seats on the map instead: those are sold through usherd.</source>
        <translation>„Beste verfügbare Plätze“ hat Plätze außerhalb der Zuteilung dieser Kasse gefunden. Wählen Sie stattdessen Plätze im Saalplan: Diese werden über usherd verkauft.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket(s), through usherd)</source>
        <extracomment>%1 is a count of tickets, %2 an amount of money. The seats are held on usherd.</extracomment>
        <translation>
            <numerusform>&lt;b&gt;Summe: %2&lt;/b&gt; (%n Ticket, über usherd)</numerusform>
            <numerusform>&lt;b&gt;Summe: %2&lt;/b&gt; (%n Tickets, über usherd)</numerusform>
        </translation>
    </message>
    <message>
        <source>Take at least %1 in cash: a sale through usherd is paid in one go.</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Nehmen Sie mindestens %1 bar: Ein Verkauf über usherd wird in einem Zug bezahlt.</translation>
    </message>
    <message>
        <source>Asking usherd to sell the seats…</source>
        <translation>usherd wird gebeten, die Plätze zu verkaufen…</translation>
    </message>
    <message>
        <source>Keep the cash until it is settled: press Enter to ask again.</source>
        <translation>Behalten Sie das Bargeld, bis es geklärt ist: Drücken Sie Eingabe, um erneut nachzufragen.</translation>
    </message>
    <message>
        <source>Hand the cash back.</source>
        <translation>Geben Sie das Bargeld zurück.</translation>
    </message>
    <message>
        <source>The drawer could not record it: %1</source>
        <translation>Die Kassenlade konnte es nicht buchen: %1</translation>
    </message>
    <message>
        <source>Cart cleared: the seats were released on usherd.</source>
        <translation>Warenkorb geleert: Die Plätze wurden auf usherd freigegeben.</translation>
    </message>
    <message>
        <source>Cart cleared. usherd did not confirm the release: its hold runs out by itself.</source>
        <translation>Warenkorb geleert. usherd hat die Freigabe nicht bestätigt: Die Reservierung läuft von selbst ab.</translation>
    </message>
    <message>
        <source>The hold on usherd expired: the seats went back on sale and the cart is empty.</source>
        <translation>Die Reservierung auf usherd ist abgelaufen: Die Plätze sind wieder im Verkauf und der Warenkorb ist leer.</translation>
    </message>
    <message>
        <source>Paid, but the sale could not be journaled for usherd, so no ticket was issued: %1 Press Enter to try again.</source>
        <extracomment>%1 why the sync outbox could not journal the sale.</extracomment>
        <translation>Bezahlt, aber der Verkauf konnte nicht für usherd protokolliert werden, daher wurde kein Ticket ausgestellt: %1 Drücken Sie Enter für einen neuen Versuch.</translation>
    </message>
    <message>
        <source>Sync operation %1: it reaches usherd with the next upload.</source>
        <extracomment>%1 the sync operation&apos;s id (the order&apos;s reference on usherd is &quot;sync:&quot; and this id).</extracomment>
        <translation>Sync-Vorgang %1: Er erreicht usherd mit dem nächsten Upload.</translation>
    </message>
    <message>
        <source>usherd changed this event: the counter shows its new prices and times.</source>
        <translation>usherd hat diese Veranstaltung geändert: Die Kasse zeigt ihre neuen Preise und Zeiten.</translation>
    </message>
    <message>
        <source>The card is already charged for these seats: press the card key to ask usherd again.</source>
        <translation>Die Karte ist für diese Plätze bereits belastet: Mit der Kartentaste wird usherd erneut gefragt.</translation>
    </message>
    <message>
        <source>Seats sold through usherd are paid in cash or by card at the counter.</source>
        <translation>Über usherd verkaufte Plätze werden an der Kasse bar oder mit Karte bezahlt.</translation>
    </message>
    <message>
        <source>Change due: %1.</source>
        <extracomment>%1 is the change due.</extracomment>
        <translation>Rückgeld: %1.</translation>
    </message>
    <message>
        <source>Asking usherd again to sell the seats…</source>
        <translation>usherd wird erneut gebeten, die Plätze zu verkaufen…</translation>
    </message>
    <message>
        <source>Waiting for the card terminal, then usherd…</source>
        <translation>Warte auf das Kartenterminal, dann auf usherd…</translation>
    </message>
    <message>
        <source>Check payment %1 on the terminal and reverse it there if it went through.</source>
        <translation>Prüfen Sie Zahlung %1 am Terminal und stornieren Sie sie dort, falls sie durchgegangen ist.</translation>
    </message>
    <message>
        <source>The card is charged (%1): press the card key to ask usherd again; it never charges twice.</source>
        <extracomment>%1 is the card terminal&apos;s reference of the payment.</extracomment>
        <translation>Die Karte ist belastet (%1): Mit der Kartentaste wird usherd erneut gefragt; es wird nie doppelt belastet.</translation>
    </message>
    <message>
        <source>The card payment was reversed.</source>
        <translation>Die Kartenzahlung wurde storniert.</translation>
    </message>
    <message>
        <source>The card payment %1 could not be reversed: reverse it on the terminal by hand.</source>
        <translation>Die Kartenzahlung %1 konnte nicht storniert werden: Stornieren Sie sie von Hand am Terminal.</translation>
    </message>
    <message>
        <source>Paid by card (%1).</source>
        <extracomment>%1 is the card terminal&apos;s reference of the payment.</extracomment>
        <translation>Mit Karte bezahlt (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Sold through usherd: order %1, %n ticket(s). %3</source>
        <extracomment>%1 central&apos;s order number, %2 count of tickets, %3 how it was paid (change due, card reference).</extracomment>
        <translation>
            <numerusform>Über usherd verkauft: Bestellung %1, %n Ticket. %3</numerusform>
            <numerusform>Über usherd verkauft: Bestellung %1, %n Tickets. %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Tickets %1.</source>
        <extracomment>%1 where the tickets went (e.g. &quot;printed on Thermal-1&quot;).</extracomment>
        <translation>Tickets %1.</translation>
    </message>
    <message>
        <source>usherd sent no ticket codes: print the tickets from usherd.</source>
        <translation>usherd hat keine Ticketcodes gesendet: Drucken Sie die Tickets aus usherd.</translation>
    </message>
    <message>
        <source>The tickets could not be issued: %1 Print them with Ctrl+P.</source>
        <extracomment>%1 the reason the tickets could not be printed or saved.</extracomment>
        <translation>Die Tickets konnten nicht ausgestellt werden: %1 Drucken Sie sie mit Strg+P.</translation>
    </message>
    <message>
        <source>The card is charged and usherd has not answered the sale yet: press the card key to ask usherd again before clearing the cart.</source>
        <translation>Die Karte ist belastet, und usherd hat den Verkauf noch nicht beantwortet: Fragen Sie usherd mit der Kartentaste erneut, bevor Sie den Warenkorb leeren.</translation>
    </message>
    <message>
        <source>Hold: ask usherd</source>
        <translation>Reservierung: bei usherd anfragen</translation>
    </message>
    <message>
        <source>Standing places (Ctrl+G)</source>
        <translation>Stehplätze (Ctrl+G)</translation>
    </message>
    <message>
        <source>The standing area to sell places of</source>
        <translation>Der Stehbereich, dessen Plätze verkauft werden</translation>
    </message>
    <message>
        <source>How many places; Enter adds them to the cart</source>
        <translation>Wie viele Plätze; Eingabe legt sie in den Warenkorb</translation>
    </message>
    <message>
        <source>Add &amp;places</source>
        <translation>&amp;Plätze hinzufügen</translation>
    </message>
    <message>
        <source>This event has no standing areas.</source>
        <translation>Diese Veranstaltung hat keine Stehbereiche.</translation>
    </message>
    <message>
        <source>Held through usherd: these places are beyond this box office&apos;s allocation. Take the payment (cash or card); the sale counts once usherd confirms it.</source>
        <translation>Über usherd reserviert: Diese Plätze gehen über das Kontingent dieser Kasse hinaus. Kassieren Sie (bar oder mit Karte); der Verkauf zählt, sobald usherd ihn bestätigt.</translation>
    </message>
    <message>
        <source>Held through usherd: these seats are not this box office&apos;s. Take the payment (cash or card); the sale counts once usherd confirms it.</source>
        <translation>Über usherd reserviert: Diese Plätze gehören nicht dieser Kasse. Kassieren Sie (bar oder mit Karte); der Verkauf zählt, sobald usherd ihn bestätigt.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ScriptedMetricsFeed</name>
    <message>
        <source>scripted</source>
        <translation>geskriptet</translation>
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
        <translation>Übersicht über die Spielstätte</translation>
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
        <translation>Pfeiltasten wechseln zwischen Plätzen, Leertaste wählt aus, Bild auf und Bild ab wechseln den Block, Plus und Minus zoomen.</translation>
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
        <translation>%1 ausgewählt.</translation>
    </message>
    <message>
        <source>Deselected %1.</source>
        <translation>%1 abgewählt.</translation>
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
        <translation>&amp;Block auswählen</translation>
    </message>
    <message>
        <source>&amp;Zoom to section</source>
        <translation>Auf Block &amp;zoomen</translation>
    </message>
    <message>
        <source>&amp;Fit to venue</source>
        <translation>An Spielstätte &amp;einpassen</translation>
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
        <translation>Block %1</translation>
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
<context>
    <name>usher::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <extracomment>%1 is the system&apos;s language in that language, e.g. &quot;Deutsch&quot;.</extracomment>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect when Usher starts again.</source>
        <translation>Eine neue Sprache wird wirksam, wenn Usher neu gestartet wird.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ShiftCloseDialog</name>
    <message>
        <source>Close the shift</source>
        <translation>Schicht schließen</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer, float included, and enter the total. The Z report then shows what the drawer should hold and the difference. Closing cannot be undone: the shift takes no more sales.</source>
        <translation>Zählen Sie jeden Schein und jede Münze in der Kassenlade, Wechselgeld inklusive, und geben Sie die Summe ein. Der Z-Bericht zeigt dann, was in der Kassenlade sein sollte, und die Differenz. Das Schließen kann nicht rückgängig gemacht werden: Die Schicht nimmt keine Verkäufe mehr an.</translation>
    </message>
    <message>
        <source>e.g. 250.00</source>
        <translation>z. B. 250,00</translation>
    </message>
    <message>
        <source>&amp;Counted cash (%1):</source>
        <translation>&amp;Gezähltes Bargeld (%1):</translation>
    </message>
    <message>
        <source>Close &amp;shift</source>
        <translation>Schicht &amp;schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the counted cash as an amount, e.g. 250.00.</source>
        <translation>Geben Sie das gezählte Bargeld als Betrag ein, z. B. 250,00.</translation>
    </message>
    <message>
        <source>Close the shift with %1 counted? This cannot be undone.</source>
        <translation>Die Schicht mit %1 gezähltem Bargeld schließen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ShiftReportDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>Den Bericht drucken (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>&amp;CSV speichern…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>Den Bericht als CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Den Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>An den Drucker %1 gesendet.</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>Drucken fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SignInPage</name>
    <message>
        <source>Sign in to the box office</source>
        <translation>An der Kasse anmelden</translation>
    </message>
    <message>
        <source>This box office has no account yet. Create the administrator&apos;s account first; it can sell at the counter and open every view.</source>
        <translation>Diese Kasse hat noch kein Konto. Legen Sie zuerst das Administratorkonto an; es kann an der Kasse verkaufen und jede Ansicht öffnen.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>Anm&amp;eldename:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Create the administrator account</source>
        <translation>Administratorkonto anlegen</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>Anlegen und an&amp;melden</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Geben Sie Ihren Anmeldenamen ein.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Geben Sie den Namen des Administrators ein.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>Die beiden Passwörter unterscheiden sich. Geben Sie das Passwort erneut ein.</translation>
    </message>
</context>
<context>
    <name>usher::ui::StaffDialog</name>
    <message>
        <source>Clerk</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Mitarbeiterkonten</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Ausgewähltes Konto</translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation>Ne&amp;ues Passwort:</translation>
    </message>
    <message>
        <source>Set password and &amp;unlock</source>
        <translation>Passwort setzen und ent&amp;sperren</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>lower-case letters, digits, . - _</source>
        <translation>Kleinbuchstaben, Ziffern, . - _</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>Anm&amp;eldename:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Konto an&amp;legen</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <extracomment>%1 is a time of day.</extracomment>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only, a name is required, and a password needs 8 to 256 bytes.</source>
        <translation>Ein Anmeldename besteht nur aus Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;, ein Name ist erforderlich und ein Passwort braucht 8 bis 256 Bytes.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>Die beiden Passwörter unterscheiden sich. Geben Sie das Passwort erneut ein.</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <extracomment>%1 is a login.</extracomment>
        <translation>Konto %1 angelegt.</translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation>Konto %1 aktiviert.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Konto %1 deaktiviert.</translation>
    </message>
    <message>
        <source>New password set for %1; the account is unlocked.</source>
        <translation>Neues Passwort für %1 gesetzt; das Konto ist entsperrt.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncEnrolDialog</name>
    <message>
        <source>Enrol this box office with usherd</source>
        <translation>Diese Kasse bei usherd registrieren</translation>
    </message>
    <message>
        <source>An administrator creates this box office as a device in usherd and gives you its name, token and channel.</source>
        <translation>Ein Administrator legt diese Kasse als Gerät in usherd an und nennt Ihnen Name, Token und Kanal.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Registrieren</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncPendingDialog</name>
    <message>
        <source>Operations for usherd</source>
        <translation>Vorgänge für usherd</translation>
    </message>
    <message>
        <source>&amp;Pending only</source>
        <translation>Nur &amp;ausstehende</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>not applied here yet</source>
        <translation>hier noch nicht angewendet</translation>
    </message>
    <message>
        <source>void (refused here), acknowledged</source>
        <translation>ungültig (hier abgelehnt), bestätigt</translation>
    </message>
    <message>
        <source>void (refused here), pending</source>
        <translation>ungültig (hier abgelehnt), ausstehend</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>rejected by usherd: %1</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>von usherd abgelehnt: %1</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>Could not read the outbox: %1</source>
        <extracomment>%1 is the reason.</extracomment>
        <translation>Der Ausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing is waiting for usherd.</source>
        <translation>Nichts wartet auf usherd.</translation>
    </message>
    <message>
        <source>No operation was made here yet.</source>
        <translation>Hier wurde noch kein Vorgang ausgeführt.</translation>
    </message>
    <message>
        <source>The first %1 are shown; the export has all of them.</source>
        <extracomment>%1 is a number of rows.</extracomment>
        <translation>Die ersten %1 werden angezeigt; der Export enthält alle.</translation>
    </message>
    <message numerus="yes">
        <source>%n operations shown.</source>
        <translation>
            <numerusform>%n Vorgang angezeigt.</numerusform>
            <numerusform>%n Vorgänge angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the operations</source>
        <translation>Die Vorgänge exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <extracomment>%1 is a file.</extracomment>
        <translation>Nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncStatusWidget</name>
    <message>
        <source>Pending…</source>
        <translation>Ausstehend…</translation>
    </message>
    <message>
        <source>Show the operations waiting for usherd</source>
        <translation>Die Vorgänge anzeigen, die auf usherd warten</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <extracomment>An age in seconds.</extracomment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <extracomment>An age in minutes.</extracomment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h %1</source>
        <extracomment>An age in hours and minutes; %1 is the minutes part (&quot;5 min&quot;).</extracomment>
        <translation>
            <numerusform>%n h %1</numerusform>
            <numerusform>%n h %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <extracomment>An age in days.</extracomment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Keine Synchronisierung</translation>
    </message>
    <message>
        <source>Refused by usherd</source>
        <translation>Von usherd abgelehnt</translation>
    </message>
    <message>
        <source>Offline (paused)</source>
        <translation>Offline (pausiert)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n pending, oldest %2</source>
        <extracomment>%1 is the state, %n the number of operations, %2 the age of the oldest (&quot;3 min&quot;).</extracomment>
        <translation>
            <numerusform>%1 · %n ausstehend, ältester %2</numerusform>
            <numerusform>%1 · %n ausstehend, ältester %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n rejected</source>
        <extracomment>%1 is the rest of the status line, %n the number of operations usherd refused.</extracomment>
        <translation>
            <numerusform>%1 · %n abgelehnt</numerusform>
            <numerusform>%1 · %n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>usherd: %1</source>
        <extracomment>%1 is an address such as wss://tickets.example.org:8443/sync.</extracomment>
        <translation>usherd: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n connection attempts failed in a row.</source>
        <translation>
            <numerusform>%n Verbindungsversuch fehlgeschlagen.</numerusform>
            <numerusform>%n Verbindungsversuche in Folge fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every seat can be sold: this box office&apos;s allocation here, the rest through usherd.</source>
        <translation>Jeder Platz kann verkauft werden: die Zuteilung dieser Kasse hier, der Rest über usherd.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold. They upload when the connection is back.</source>
        <translation>usherd ist nicht erreichbar: Nur die dieser Kasse zugeteilten Plätze können verkauft werden. Sie werden hochgeladen, sobald die Verbindung wieder steht.</translation>
    </message>
    <message numerus="yes">
        <source>usherd refused %n operations: open the pending operations to see them.</source>
        <translation>
            <numerusform>usherd hat %n Vorgang abgelehnt: Öffnen Sie die ausstehenden Vorgänge, um ihn zu sehen.</numerusform>
            <numerusform>usherd hat %n Vorgänge abgelehnt: Öffnen Sie die ausstehenden Vorgänge, um sie zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n allocation changes from usherd could not be applied here: tell an administrator.</source>
        <translation>
            <numerusform>%n Zuteilungsänderung von usherd konnte hier nicht angewendet werden: Informieren Sie einen Administrator.</numerusform>
            <numerusform>%n Zuteilungsänderungen von usherd konnten hier nicht angewendet werden: Informieren Sie einen Administrator.</numerusform>
        </translation>
    </message>
    <message>
        <source>The box office is not syncing with usherd.</source>
        <translation>Die Kasse synchronisiert nicht mit usherd.</translation>
    </message>
    <message>
        <source>This box office is not enrolled with usherd (Sync ▸ Enrol with usherd).</source>
        <translation>Diese Kasse ist nicht bei usherd registriert (Sync ▸ Bei usherd registrieren).</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>&amp;Pending operations…</source>
        <translation>&amp;Ausstehende Vorgänge…</translation>
    </message>
    <message>
        <source>&amp;Enrol with usherd…</source>
        <translation>Bei usherd &amp;registrieren…</translation>
    </message>
</context>
<context>
    <name>usher::ui::UserGuideWindow</name>
    <message>
        <source>%1 is not part of the built-in guide: it is in the docs folder of Usher&apos;s sources.</source>
        <extracomment>%1 is a file name such as docs/venue-format.md.</extracomment>
        <translation>%1 gehört nicht zum eingebauten Handbuch: Es liegt im Ordner docs der Quellen von Usher.</translation>
    </message>
    <message>
        <source>Usher user guide</source>
        <translation>Usher-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
</context>
<context>
    <name>usher::ui::UsherdMetricsFeed</name>
    <message>
        <source>usherd answered %1.</source>
        <extracomment>%1 is an HTTP status code, %2 the server&apos;s explanation.</extracomment>
        <translation>usherd antwortete %1.</translation>
    </message>
    <message>
        <source>usherd answered %1: %2</source>
        <translation>usherd antwortete %1: %2</translation>
    </message>
    <message>
        <source>usherd %1</source>
        <extracomment>%1 is host:port.</extracomment>
        <translation>usherd %1</translation>
    </message>
    <message>
        <source>usherd cannot be reached: %1</source>
        <extracomment>%1 is the reason, e.g. &quot;Connection refused&quot;.</extracomment>
        <translation>usherd ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>usherd applied the change.</source>
        <translation>usherd hat die Änderung übernommen.</translation>
    </message>
    <message>
        <source>this event&apos;s seats (sales and revenue need a staff token); 409s and 429s: server-wide</source>
        <translation>Plätze dieser Veranstaltung (Verkäufe und Umsatz brauchen ein Mitarbeiter-Token); 409er und 429er: serverweit</translation>
    </message>
    <message>
        <source>this event (reading its orders: %1 so far); 409s and 429s: server-wide</source>
        <extracomment>%1 is a number of orders.</extracomment>
        <translation>diese Veranstaltung (liest ihre Bestellungen: bisher %1); 409er und 429er: serverweit</translation>
    </message>
    <message>
        <source>this event, from its seats and orders; 409s and 429s: server-wide</source>
        <translation>diese Veranstaltung, aus ihren Plätzen und Bestellungen; 409er und 429er: serverweit</translation>
    </message>
</context>
<context>
    <name>usher::ui::VenueDesigner</name>
    <message>
        <source>Left to right (1 2 3)</source>
        <translation>Von links nach rechts (1 2 3)</translation>
    </message>
    <message>
        <source>Right to left (3 2 1)</source>
        <translation>Von rechts nach links (3 2 1)</translation>
    </message>
    <message>
        <source>Odd (1 3 5)</source>
        <translation>Ungerade (1 3 5)</translation>
    </message>
    <message>
        <source>Even (2 4 6)</source>
        <translation>Gerade (2 4 6)</translation>
    </message>
    <message>
        <source>Odd/even from the centre (5 3 1 2 4)</source>
        <translation>Ungerade/gerade von der Mitte (5 3 1 2 4)</translation>
    </message>
    <message>
        <source>Duplicate label</source>
        <translation>Doppelte Bezeichnung</translation>
    </message>
    <message>
        <source>Overlapping seats</source>
        <translation>Überlappende Plätze</translation>
    </message>
    <message>
        <source>Duplicate row</source>
        <translation>Doppelte Reihe</translation>
    </message>
    <message>
        <source>Duplicate section</source>
        <translation>Doppelter Block</translation>
    </message>
    <message>
        <source>Duplicate category</source>
        <translation>Doppelte Kategorie</translation>
    </message>
    <message>
        <source>Empty section</source>
        <translation>Leerer Block</translation>
    </message>
    <message>
        <source>Nothing to sell</source>
        <translation>Nichts zu verkaufen</translation>
    </message>
    <message>
        <source>Missing name</source>
        <translation>Name fehlt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Stehplatzbereich</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Text too long</source>
        <translation>Text zu lang</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>Neue Spielstätte</translation>
    </message>
    <message>
        <source>Category A</source>
        <translation>Kategorie A</translation>
    </message>
    <message>
        <source>Category B</source>
        <translation>Kategorie B</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Spielstätte</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>&amp;Reihen</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Plätze</translation>
    </message>
    <message>
        <source>&amp;Areas &amp;&amp; stage</source>
        <translation>&amp;Bereiche &amp;&amp; Bühne</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Delete seats</source>
        <translation>Plätze löschen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Use for an event</source>
        <translation>Für eine Veranstaltung verwenden</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>S&amp;tadt:</translation>
    </message>
    <message>
        <source>Rename the venue</source>
        <translation>Spielstätte umbenennen</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Section name, e.g. Stalls</source>
        <translation>Blockname, z. B. Parkett</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Block umbenennen</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>Block löschen</translation>
    </message>
    <message>
        <source>Price categories</source>
        <translation>Preiskategorien</translation>
    </message>
    <message>
        <source>Category name, e.g. Premium</source>
        <translation>Kategoriename, z. B. Premium</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Kategorie hinzufügen</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Kategorie %1</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>S&amp;ection:</source>
        <translation>Bl&amp;ock:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Reihen:</translation>
    </message>
    <message>
        <source>Seats per &amp;row:</source>
        <translation>Plätze pro R&amp;eihe:</translation>
    </message>
    <message>
        <source>Seat spacing:</source>
        <translation>Platzabstand:</translation>
    </message>
    <message>
        <source>Row spacing:</source>
        <translation>Reihenabstand:</translation>
    </message>
    <message>
        <source>C&amp;urvature:</source>
        <translation>&amp;Krümmung:</translation>
    </message>
    <message>
        <source>Ro&amp;tation:</source>
        <translation>&amp;Drehung:</translation>
    </message>
    <message>
        <source>Centre of the first row (x, y):</source>
        <translation>Mitte der ersten Reihe (x, y):</translation>
    </message>
    <message>
        <source>&amp;First row:</source>
        <translation>Erste Rei&amp;he:</translation>
    </message>
    <message>
        <source>&amp;Numbering:</source>
        <translation>&amp;Nummerierung:</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Erste Nummer:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>Präf&amp;ix:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ka&amp;tegorie:</translation>
    </message>
    <message>
        <source>Live preview on the map</source>
        <translation>Live-Vorschau im Plan</translation>
    </message>
    <message>
        <source>&amp;Add rows</source>
        <translation>Reihen hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Click seats to select them, Shift+drag for a rectangle, double-click for a row.</source>
        <translation>Klicken Sie auf Plätze, um sie auszuwählen, Umschalt+Ziehen für ein Rechteck, Doppelklick für eine Reihe.</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Preiskategorie</translation>
    </message>
    <message>
        <source>&amp;Paint</source>
        <translation>&amp;Einfärben</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Rollstuhlplatz</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Begleitperson</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Sichteinschränkung</translation>
    </message>
    <message>
        <source>Aisle</source>
        <translation>Gang</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Renumber the selected rows</source>
        <translation>Die ausgewählten Reihen neu nummerieren</translation>
    </message>
    <message>
        <source>Renumber</source>
        <translation>Neu nummerieren</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Schema:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Präfix:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Rename row</source>
        <translation>Reihe umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete the selected seats</source>
        <translation>Ausgewählte Plätze &amp;löschen</translation>
    </message>
    <message>
        <source>Standing areas</source>
        <translation>Stehplatzbereiche</translation>
    </message>
    <message>
        <source>e.g. Standing</source>
        <translation>z. B. Stehplätze</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Kapazität:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Change standing area</source>
        <translation>Stehplatzbereich ändern</translation>
    </message>
    <message>
        <source>Delete standing area</source>
        <translation>Stehplatzbereich löschen</translation>
    </message>
    <message>
        <source>Stage or focal point</source>
        <translation>Bühne oder Blickpunkt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
    <message>
        <source>Set stage</source>
        <translation>Bühne setzen</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Beschriftung:</translation>
    </message>
    <message>
        <source>Front centre (x, y):</source>
        <translation>Vorderkante Mitte (x, y):</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Tiefe:</translation>
    </message>
    <message>
        <source>Check the design before you export it.</source>
        <translation>Prüfen Sie den Entwurf, bevor Sie ihn exportieren.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Block hinzufügen</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Block %1</translation>
    </message>
    <message numerus="yes">
        <source>Add %n row(s)</source>
        <translation>
            <numerusform>%n Reihe hinzufügen</numerusform>
            <numerusform>%n Reihen hinzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paint %n seat(s)</source>
        <translation>
            <numerusform>%n Platz einfärben</numerusform>
            <numerusform>%n Plätze einfärben</numerusform>
        </translation>
    </message>
    <message>
        <source>Set flags</source>
        <translation>Merkmale setzen</translation>
    </message>
    <message>
        <source>Clear flags</source>
        <translation>Merkmale entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n seat(s)</source>
        <translation>
            <numerusform>%n Platz löschen</numerusform>
            <numerusform>%n Plätze löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stehplätze</translation>
    </message>
    <message>
        <source>Add standing area</source>
        <translation>Stehplatzbereich hinzufügen</translation>
    </message>
    <message>
        <source>%1 · rows: %L2 · seats: %L3</source>
        <translation>%1 · Reihen: %L2 · Plätze: %L3</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (Schlüssel %2)</translation>
    </message>
    <message>
        <source>%1 · seats: %L2 · sections: %L3 · standing places: %L4</source>
        <translation>%1 · Plätze: %L2 · Blöcke: %L3 · Stehplätze: %L4</translation>
    </message>
    <message>
        <source>No seats selected.</source>
        <translation>Keine Plätze ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) selected in %1 row(s).</source>
        <translation>
            <numerusform>%Ln Platz ausgewählt (Reihen: %1).</numerusform>
            <numerusform>%Ln Plätze ausgewählt (Reihen: %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a section first (Venue tab).</source>
        <translation>Fügen Sie zuerst einen Block hinzu (Reiter Spielstätte).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Select to show the %n seat(s) on the map</source>
        <translation>
            <numerusform>Auswählen, um den %n Platz im Plan zu zeigen</numerusform>
            <numerusform>Auswählen, um die %n Plätze im Plan zu zeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the venue can be exported.</source>
        <translation>Keine Probleme: Die Spielstätte kann exportiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before the venue can be saved. Select one to see its seats.</source>
        <translation>
            <numerusform>%n Problem ist zu beheben, bevor die Spielstätte gespeichert werden kann. Wählen Sie es aus, um seine Plätze zu sehen.</numerusform>
            <numerusform>%n Probleme sind zu beheben, bevor die Spielstätte gespeichert werden kann. Wählen Sie eines aus, um seine Plätze zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue files (*.json)</source>
        <translation>Spielstätten-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Venue files (*.json *.csv)</source>
        <translation>Spielstätten-Dateien (*.json *.csv)</translation>
    </message>
    <message>
        <source>Export venue</source>
        <translation>Spielstätte exportieren</translation>
    </message>
    <message>
        <source>Import venue</source>
        <translation>Spielstätte importieren</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The venue cannot be saved: %1</source>
        <translation>Die Spielstätte kann nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln place(s)</source>
        <translation>
            <numerusform>%1 — %Ln Platz</numerusform>
            <numerusform>%1 — %Ln Plätze</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::VoidDialog</name>
    <message>
        <source>Void order %1</source>
        <translation>Bestellung %1 stornieren</translation>
    </message>
    <message>
        <source>A void cancels the whole order sold in this shift: every ticket stops being valid and the money goes back exactly as it was paid (cash from the drawer, card payments reversed on the terminal).</source>
        <translation>Ein Storno hebt die ganze in dieser Schicht verkaufte Bestellung auf: Jedes Ticket wird ungültig und das Geld geht genau so zurück, wie es gezahlt wurde (Bargeld aus der Kassenlade, Kartenzahlungen werden am Terminal storniert).</translation>
    </message>
    <message>
        <source>Required, e.g. wrong date sold</source>
        <translation>Erforderlich, z. B. falsches Datum verkauft</translation>
    </message>
    <message>
        <source>Supervisor lo&amp;gin:</source>
        <translation>Anmeldename des Schicht&amp;leiters:</translation>
    </message>
    <message>
        <source>&amp;Void order</source>
        <translation>Bestellung &amp;stornieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This order cannot be voided: only an order sold at this counter in your open shift, with every ticket still valid, can be. Refund it instead.</source>
        <translation>Diese Bestellung kann nicht storniert werden: Das geht nur bei einer Bestellung, die an dieser Kasse in Ihrer offenen Schicht verkauft wurde und deren Tickets alle noch gültig sind. Erstatten Sie sie stattdessen.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s), %1 in all, sale %2.</source>
        <translation>
            <numerusform>%n Ticket, insgesamt %1, Verkauf %2.</numerusform>
            <numerusform>%n Tickets, insgesamt %1, Verkauf %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash: hand %1 back from the drawer.</source>
        <translation>Bar: Geben Sie %1 aus der Kassenlade zurück.</translation>
    </message>
    <message>
        <source>Card: %1 reversed on the terminal (payment %2).</source>
        <translation>Karte: %1 am Terminal storniert (Zahlung %2).</translation>
    </message>
    <message>
        <source>%1: %2 written back.</source>
        <translation>%1: %2 zurückgebucht.</translation>
    </message>
    <message>
        <source>Void the whole order %1? This cannot be undone.</source>
        <translation>Die ganze Bestellung %1 stornieren? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 is void: %n ticket(s) no longer valid.</source>
        <translation>
            <numerusform>Bestellung %1 ist storniert: %n Ticket nicht mehr gültig.</numerusform>
            <numerusform>Bestellung %1 ist storniert: %n Tickets nicht mehr gültig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand %1 in cash to the customer.</source>
        <translation>Geben Sie dem Kunden %1 bar.</translation>
    </message>
    <message>
        <source>%1 reversed on the card.</source>
        <translation>%1 auf der Karte storniert.</translation>
    </message>
    <message>
        <source>The tickets are void, but the terminal did not reverse %1 (payment %2). Refund it on the terminal by hand or pay it in cash (Cash out, with the payment reference as the note).</source>
        <translation>Die Tickets sind storniert, aber das Terminal hat %1 nicht storniert (Zahlung %2). Erstatten Sie den Betrag am Terminal von Hand oder zahlen Sie ihn bar aus (Barentnahme, mit der Zahlungsreferenz als Notiz).</translation>
    </message>
    <message>
        <source>Nothing was voided: the void could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the void.</extracomment>
        <translation>Nichts wurde storniert: Das Storno konnte nicht für usherd protokolliert werden: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::WaitingRoomChanges</name>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>Waiting room on</source>
        <translation>Warteraum ein</translation>
    </message>
    <message>
        <source>Waiting room off</source>
        <translation>Warteraum aus</translation>
    </message>
    <message>
        <source>Drain rate %1/s</source>
        <translation>Einlassrate %1/s</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Waiting-room changes recorded by %1.</source>
        <translation>Von %1 erfasste Warteraum-Änderungen.</translation>
    </message>
    <message>
        <source>usherd&apos;s waiting-room changes are not available: HTTP %1: %2</source>
        <translation>Die Warteraum-Änderungen von usherd sind nicht verfügbar: HTTP %1: %2</translation>
    </message>
    <message>
        <source>usherd&apos;s waiting-room changes are not available: %1</source>
        <translation>Die Warteraum-Änderungen von usherd sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Refused (HTTP %1)</source>
        <translation>Abgelehnt (HTTP %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting-room change(s) recorded by %1.</source>
        <translation>
            <numerusform>%Ln Warteraum-Änderung von %1 erfasst.</numerusform>
            <numerusform>%Ln Warteraum-Änderungen von %1 erfasst.</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AfterSale</name>
    <message>
        <source>staff %1</source>
        <translation>employé %1</translation>
    </message>
    <message>
        <source>Seat not sold</source>
        <translation>Place non vendue</translation>
    </message>
    <message>
        <source>This seat is not sold: there is no order to show.</source>
        <translation>Cette place n&apos;est pas vendue&#xa0;: il n&apos;y a aucune commande à afficher.</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
</context>
<context>
    <name>AfterSaleForm</name>
    <message>
        <source>Supervisor pass&amp;word:</source>
        <translation>Mot de passe du &amp;superviseur&#xa0;:</translation>
    </message>
    <message>
        <source>Above %1: a supervisor must sign in to approve.</source>
        <translation>Au-delà de %1, un superviseur doit se connecter pour approuver.</translation>
    </message>
    <message>
        <source>No supervisor needed up to %1.</source>
        <translation>Aucun superviseur n&apos;est nécessaire jusqu&apos;à %1.</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Un motif est obligatoire.</translation>
    </message>
</context>
<context>
    <name>AfterSaleText</name>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Some of the details are missing or not valid.</source>
        <translation>Certaines informations sont manquantes ou invalides.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s login or password is wrong.</source>
        <translation>L&apos;identifiant ou le mot de passe du superviseur est incorrect.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s account is locked after too many failed sign-ins.</source>
        <translation>Le compte du superviseur est verrouillé après trop d&apos;échecs de connexion.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s account is disabled.</source>
        <translation>Le compte du superviseur est désactivé.</translation>
    </message>
    <message>
        <source>The account exists already.</source>
        <translation>Ce compte existe déjà.</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Compte introuvable.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Votre compte n&apos;a pas le droit de faire cela.</translation>
    </message>
    <message>
        <source>A supervisor must sign in to approve this.</source>
        <translation>Un superviseur doit se connecter pour approuver.</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>Aucune session de caisse n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>A shift is open already.</source>
        <translation>Une session de caisse est déjà ouverte.</translation>
    </message>
    <message>
        <source>The shift is closed.</source>
        <translation>La session de caisse est clôturée.</translation>
    </message>
    <message>
        <source>The event is sold in another currency than the shift&apos;s.</source>
        <translation>L&apos;événement est vendu dans une autre devise que celle de la session de caisse.</translation>
    </message>
    <message>
        <source>The drawer does not hold that much cash.</source>
        <translation>Le tiroir-caisse ne contient pas autant d&apos;espèces.</translation>
    </message>
    <message>
        <source>This is not possible in the order&apos;s current state.</source>
        <translation>Impossible dans l&apos;état actuel de la commande.</translation>
    </message>
    <message>
        <source>Not paid in full yet.</source>
        <translation>Pas encore entièrement payé.</translation>
    </message>
    <message>
        <source>More than is due.</source>
        <translation>Plus que le montant dû.</translation>
    </message>
    <message>
        <source>The card terminal declined.</source>
        <translation>Le terminal de paiement a refusé.</translation>
    </message>
    <message>
        <source>The card terminal&apos;s answer is not known.</source>
        <translation>La réponse du terminal de paiement est inconnue.</translation>
    </message>
    <message>
        <source>No card terminal can be reached.</source>
        <translation>Aucun terminal de paiement n&apos;est joignable.</translation>
    </message>
    <message>
        <source>The change could not be saved (storage failure). Nothing was done; try again.</source>
        <translation>La modification n&apos;a pas pu être enregistrée (erreur de stockage). Rien n&apos;a été fait&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>Unexpected error %1.</source>
        <translation>Erreur inattendue %1.</translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation>La commande n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The ticket is not part of the order.</source>
        <translation>Le billet ne fait pas partie de la commande.</translation>
    </message>
    <message>
        <source>The ticket is no longer valid (refunded, voided or reissued).</source>
        <translation>Le billet n&apos;est plus valable (remboursé, annulé ou réédité).</translation>
    </message>
    <message>
        <source>The seat is not available any more.</source>
        <translation>La place n&apos;est plus disponible.</translation>
    </message>
    <message>
        <source>No such seat.</source>
        <translation>Place introuvable.</translation>
    </message>
    <message>
        <source>The event is busy; try again in a moment.</source>
        <translation>L&apos;événement est occupé&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The engine could not save the change; try again.</source>
        <translation>Le moteur n&apos;a pas pu enregistrer la modification&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>The engine refused: %1.</source>
        <translation>Le moteur a refusé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>still pending</source>
        <translation>toujours en attente</translation>
    </message>
    <message>
        <source>unknown to the terminal</source>
        <translation>inconnu du terminal</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>extourné</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>garbled answer</source>
        <translation>réponse illisible</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Creating the demo data failed: %1 answered %2.</source>
        <extracomment>%1 is an engine command (e.g. HoldSeats), %2 a status (e.g. SeatUnavailable).</extracomment>
        <translation>La création des données de démonstration a échoué&#xa0;: %1 a répondu %2.</translation>
    </message>
    <message>
        <source>house seats</source>
        <translation>contingent maison</translation>
    </message>
    <message>
        <source>Could not create the demo event “%1”: %2</source>
        <extracomment>%1 is the event&apos;s name, %2 the engine&apos;s explanation.</extracomment>
        <translation>Impossible de créer l&apos;événement de démonstration «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Usher Demo Night</source>
        <translation>Soirée démo Usher</translation>
    </message>
    <message>
        <source>Studio Theatre</source>
        <translation>Théâtre studio</translation>
    </message>
    <message>
        <source>Late Jazz in the Studio</source>
        <translation>Jazz de fin de soirée au studio</translation>
    </message>
    <message>
        <source>Theatre</source>
        <translation>Théâtre</translation>
    </message>
    <message>
        <source>Jazz</source>
        <translation>Jazz</translation>
    </message>
    <message>
        <source>Creating the demo staff accounts failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>La création des comptes de démonstration du personnel a échoué&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>DeviceCredentials</name>
    <message>
        <source>The device file %1 is not a JSON object: %2</source>
        <extracomment>%1 is a file, %2 what the JSON parser says.</extracomment>
        <translation>Le fichier d&apos;appareil %1 n&apos;est pas un objet JSON&#xa0;: %2</translation>
    </message>
    <message>
        <source>The device file %1 has a missing or invalid “%2”.</source>
        <extracomment>%1 is a file, %2 a field name.</extracomment>
        <translation>Dans le fichier d&apos;appareil %1, «&#xa0;%2&#xa0;» est manquant ou invalide.</translation>
    </message>
    <message>
        <source>The device file %1 is not valid: %2</source>
        <extracomment>%1 is a file, %2 what is wrong.</extracomment>
        <translation>Le fichier d&apos;appareil %1 n&apos;est pas valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not read the device file %1: %2</source>
        <translation>Impossible de lire le fichier d&apos;appareil %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The device file %1 is not a regular file owned by this user: refusing to use its token.</source>
        <translation>Le fichier d&apos;appareil %1 n&apos;est pas un fichier ordinaire appartenant à cet utilisateur&#xa0;: son jeton ne sera pas utilisé.</translation>
    </message>
    <message>
        <source>The device file %1 is readable by other users and its permissions could not be set to 0600 (%2): refusing to use its token.</source>
        <translation>Le fichier d&apos;appareil %1 est lisible par d&apos;autres utilisateurs et ses droits n&apos;ont pas pu être fixés à 0600 (%2)&#xa0;: son jeton ne sera pas utilisé.</translation>
    </message>
    <message>
        <source>The device file %1 was readable by other users; its permissions are now 0600. Its token may have been read: consider enrolling the device again.</source>
        <translation>Le fichier d&apos;appareil %1 était lisible par d&apos;autres utilisateurs&#xa0;; ses droits sont maintenant 0600. Son jeton a pu être lu&#xa0;: envisagez d&apos;enregistrer à nouveau l&apos;appareil.</translation>
    </message>
    <message>
        <source>This box office is not enrolled with usherd (no %1).</source>
        <translation>Cette billetterie n&apos;est pas enregistrée auprès d&apos;usherd (pas de %1).</translation>
    </message>
    <message>
        <source>The device file %1 is a symbolic link: refusing to use it.</source>
        <translation>Le fichier d&apos;appareil %1 est un lien symbolique&#xa0;: il ne sera pas utilisé.</translation>
    </message>
    <message>
        <source>The device file %1 is larger than 64 KiB.</source>
        <translation>Le fichier d&apos;appareil %1 dépasse 64 Kio.</translation>
    </message>
    <message>
        <source>Could not write the device file %1: %2</source>
        <translation>Impossible d&apos;écrire le fichier d&apos;appareil %1&#xa0;: %2</translation>
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
        <translation>canal %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>the request is not valid</source>
        <translation>la demande n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the request id was already used for another request</source>
        <translation>l&apos;identifiant de la demande a déjà servi pour une autre demande</translation>
    </message>
    <message>
        <source>no such sales channel</source>
        <translation>ce canal de vente n&apos;existe pas</translation>
    </message>
    <message>
        <source>no such seat</source>
        <translation>cette place n&apos;existe pas</translation>
    </message>
    <message>
        <source>no such standing area</source>
        <translation>cette zone debout n&apos;existe pas</translation>
    </message>
    <message>
        <source>no such price category</source>
        <translation>cette catégorie de prix n&apos;existe pas</translation>
    </message>
    <message>
        <source>no such price type</source>
        <translation>ce tarif n&apos;existe pas</translation>
    </message>
    <message>
        <source>the reservation no longer exists</source>
        <translation>la réservation n&apos;existe plus</translation>
    </message>
    <message>
        <source>no such order</source>
        <translation>cette commande n&apos;existe pas</translation>
    </message>
    <message>
        <source>no such ticket</source>
        <translation>ce billet n&apos;existe pas</translation>
    </message>
    <message>
        <source>not allowed for this user</source>
        <translation>non autorisé pour cet utilisateur</translation>
    </message>
    <message>
        <source>the reservation belongs to someone else</source>
        <translation>la réservation appartient à quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>not for sale on this channel</source>
        <translation>pas en vente sur ce canal</translation>
    </message>
    <message>
        <source>too many tickets for one order</source>
        <translation>trop de billets pour une commande</translation>
    </message>
    <message>
        <source>not on sale at this time</source>
        <translation>pas en vente en ce moment</translation>
    </message>
    <message>
        <source>the reservation has expired</source>
        <translation>la réservation a expiré</translation>
    </message>
    <message>
        <source>the seat is no longer available</source>
        <translation>la place n&apos;est plus disponible</translation>
    </message>
    <message>
        <source>not enough places left in the standing area</source>
        <translation>il ne reste pas assez de places dans la zone debout</translation>
    </message>
    <message>
        <source>no seats together are left</source>
        <translation>il ne reste plus de places côte à côte</translation>
    </message>
    <message>
        <source>the seat is not blocked</source>
        <translation>la place n&apos;est pas bloquée</translation>
    </message>
    <message>
        <source>the seat is not allocated to this channel</source>
        <translation>la place n&apos;est pas attribuée à ce canal</translation>
    </message>
    <message>
        <source>a payment is still pending</source>
        <translation>un paiement est encore en attente</translation>
    </message>
    <message>
        <source>no payment is pending</source>
        <translation>aucun paiement n&apos;est en attente</translation>
    </message>
    <message>
        <source>the ticket was already refunded or exchanged</source>
        <translation>le billet a déjà été remboursé ou échangé</translation>
    </message>
    <message>
        <source>the amount is more than was paid</source>
        <translation>le montant dépasse ce qui a été payé</translation>
    </message>
    <message>
        <source>the amount differs from the prices</source>
        <translation>le montant ne correspond pas aux prix</translation>
    </message>
    <message>
        <source>the engine is busy, try again</source>
        <translation>le système est occupé, réessayez</translation>
    </message>
    <message>
        <source>the data could not be saved</source>
        <translation>les données n&apos;ont pas pu être enregistrées</translation>
    </message>
    <message>
        <source>the data store is not available</source>
        <translation>le stockage des données n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>no such event</source>
        <translation>cet événement n&apos;existe pas</translation>
    </message>
    <message>
        <source>the engine is shutting down</source>
        <translation>le système est en cours d&apos;arrêt</translation>
    </message>
    <message>
        <source>the event already exists</source>
        <translation>l&apos;événement existe déjà</translation>
    </message>
    <message>
        <source>unknown status %1</source>
        <extracomment>An engine status this version does not know; %1 is its number.</extracomment>
        <translation>état inconnu %1</translation>
    </message>
    <message>
        <source>the login or password is wrong</source>
        <translation>l&apos;identifiant ou le mot de passe est incorrect</translation>
    </message>
    <message>
        <source>the account is locked after too many failed sign-ins</source>
        <translation>le compte est verrouillé après trop d&apos;échecs de connexion</translation>
    </message>
    <message>
        <source>the account is disabled</source>
        <translation>le compte est désactivé</translation>
    </message>
    <message>
        <source>an account with that login already exists</source>
        <translation>un compte avec cet identifiant existe déjà</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>ce compte n&apos;existe pas</translation>
    </message>
    <message>
        <source>a supervisor must approve this</source>
        <translation>un superviseur doit approuver cela</translation>
    </message>
    <message>
        <source>no shift is open</source>
        <translation>aucune session de caisse n&apos;est ouverte</translation>
    </message>
    <message>
        <source>a shift is already open</source>
        <translation>une session de caisse est déjà ouverte</translation>
    </message>
    <message>
        <source>the shift is closed</source>
        <translation>la session de caisse est fermée</translation>
    </message>
    <message>
        <source>the currency differs from the drawer&apos;s</source>
        <translation>la devise diffère de celle du tiroir-caisse</translation>
    </message>
    <message>
        <source>the drawer does not hold enough cash</source>
        <translation>le tiroir-caisse ne contient pas assez d&apos;espèces</translation>
    </message>
    <message>
        <source>the sale cannot do that now</source>
        <translation>la vente ne permet pas cette étape maintenant</translation>
    </message>
    <message>
        <source>the payments do not cover the total yet</source>
        <translation>les paiements ne couvrent pas encore le total</translation>
    </message>
    <message>
        <source>that is more than what is still due</source>
        <translation>cela dépasse ce qui reste dû</translation>
    </message>
    <message>
        <source>the payment was declined</source>
        <translation>le paiement a été refusé</translation>
    </message>
    <message>
        <source>the card terminal&apos;s answer is still unknown</source>
        <translation>la réponse du terminal de paiement est encore inconnue</translation>
    </message>
    <message>
        <source>the seats could not be sold</source>
        <translation>les places n&apos;ont pas pu être vendues</translation>
    </message>
    <message>
        <source>the card terminal is not available</source>
        <translation>le terminal de paiement n&apos;est pas disponible</translation>
    </message>
</context>
<context>
    <name>OnlineCart</name>
    <message>
        <source>usherd refused: %1. Nothing was sold.</source>
        <extracomment>%1 is the reason code usherd gave (e.g. SeatUnavailable).</extracomment>
        <translation>usherd a refusé&#xa0;: %1. Rien n&apos;a été vendu.</translation>
    </message>
    <message>
        <source>The card payment did not go through (%1): nothing was sold.</source>
        <translation>Le paiement par carte n&apos;a pas abouti (%1)&#xa0;: rien n&apos;a été vendu.</translation>
    </message>
    <message>
        <source>The card is charged and usherd has not answered the sale yet: pay again to ask usherd again.</source>
        <translation>La carte est débitée et usherd n&apos;a pas encore répondu à la vente&#xa0;: payez de nouveau pour redemander à usherd.</translation>
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>buyer</source>
        <translation>acheteur</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>place %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valable</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>remboursé</translation>
    </message>
    <message>
        <source>void</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>payé</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>incertain</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>handed back</source>
        <translation>rendu</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>extourné</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>numéro de commande</translation>
    </message>
    <message>
        <source>ticket code</source>
        <translation>code du billet</translation>
    </message>
    <message>
        <source>old ticket code (reissued)</source>
        <translation>ancien code du billet (réédité)</translation>
    </message>
    <message>
        <source>old ticket code (exchanged)</source>
        <translation>ancien code du billet (échangé)</translation>
    </message>
    <message>
        <source>payment reference</source>
        <translation>référence de paiement</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Z report: shift %1</source>
        <translation>Rapport Z&#xa0;: session %1</translation>
    </message>
    <message>
        <source>X report: shift %1</source>
        <translation>Rapport X&#xa0;: session %1</translation>
    </message>
    <message>
        <source>Closing report: the shift is closed.</source>
        <translation>Rapport de clôture&#xa0;: la session de caisse est clôturée.</translation>
    </message>
    <message>
        <source>Mid-shift report: the shift stays open.</source>
        <translation>Rapport intermédiaire&#xa0;: la session de caisse reste ouverte.</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>Caissier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Ouverte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Clôturée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Produced: %1 by %2</source>
        <translation>Établi&#xa0;: %1 par %2</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Par mode de paiement</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Par catégorie</translation>
    </message>
    <message>
        <source>No tickets sold or refunded.</source>
        <translation>Aucun billet vendu ni remboursé.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Tickets sold</source>
        <translation>Billets vendus</translation>
    </message>
    <message>
        <source>Tickets refunded</source>
        <translation>Billets remboursés</translation>
    </message>
    <message>
        <source>Tickets and cash</source>
        <translation>Billets et espèces</translation>
    </message>
    <message>
        <source>Tickets issued</source>
        <translation>Billets émis</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Fonds de caisse</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Ventes en espèces</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Remboursements en espèces</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Entrées d&apos;espèces</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Sorties d&apos;espèces</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>Espèces attendues dans le tiroir-caisse</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Variance (short)</source>
        <translation>Écart (manquant)</translation>
    </message>
    <message>
        <source>Variance (over)</source>
        <translation>Écart (excédent)</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
</context>
<context>
    <name>ReprintOutput</name>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) sent to the printer %1.</source>
        <translation>
            <numerusform>%n billet envoyé à l&apos;imprimante %1.</numerusform>
            <numerusform>%n billets envoyés à l&apos;imprimante %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>L&apos;impression a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save the tickets as PDF</source>
        <translation>Enregistrer les billets au format PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) saved to %1.</source>
        <translation>
            <numerusform>%n billet enregistré dans %1.</numerusform>
            <numerusform>%n billets enregistrés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the tickets: %1</source>
        <translation>Impossible d&apos;enregistrer les billets&#xa0;: %1</translation>
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
        <translation>attribuée à cette billetterie</translation>
    </message>
    <message>
        <source>allocated to another channel</source>
        <translation>attribuée à un autre canal</translation>
    </message>
    <message>
        <source>held by me</source>
        <translation>réservée par moi</translation>
    </message>
    <message>
        <source>held by someone else</source>
        <translation>réservée par quelqu&apos;un d&apos;autre</translation>
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
    <name>SyncBoxOffice</name>
    <message>
        <source>An earlier operation of this box office is not settled yet (a cart left open by a restart?): complete or release it first.</source>
        <translation>Une opération antérieure de cette billetterie n&apos;est pas encore réglée (un panier resté ouvert après un redémarrage&#xa0;?)&#xa0;: terminez-la ou libérez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>usherd refused this box office: %1</source>
        <translation>usherd a refusé cette billetterie&#xa0;: %1</translation>
    </message>
    <message>
        <source>usherd speaks another sync protocol version: update the box office or the server</source>
        <translation>usherd parle une autre version du protocole de synchronisation&#xa0;: mettez à jour la billetterie ou le serveur</translation>
    </message>
    <message>
        <source>usherd knows this device under another name or channel: enrol it again</source>
        <translation>usherd connaît cet appareil sous un autre nom ou canal&#xa0;: enregistrez-le à nouveau</translation>
    </message>
    <message>
        <source>usherd has operations this box office does not have (was its data restored from a backup?)</source>
        <translation>usherd a des opérations que cette billetterie n&apos;a pas (ses données ont-elles été restaurées depuis une sauvegarde&#xa0;?)</translation>
    </message>
    <message>
        <source>A sale cannot mix seats of this box office&apos;s allocation with other seats: sell them separately.</source>
        <translation>Une vente ne peut pas mélanger des places de l&apos;attribution de cette billetterie avec d&apos;autres places&#xa0;: vendez-les séparément.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold.</source>
        <translation>usherd est injoignable&#xa0;: seules les places attribuées à cette billetterie peuvent être vendues.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the places allocated to this box office can be sold, and too few are left.</source>
        <translation>usherd est injoignable&#xa0;: seules les places attribuées à cette billetterie peuvent être vendues, et il en reste trop peu.</translation>
    </message>
    <message>
        <source>This usherd is too old to sell standing places to a box office: only the places allocated to this box office can be sold, and too few are left.</source>
        <translation>Ce usherd est trop ancien pour vendre des places debout à une billetterie&#xa0;: seules les places attribuées à cette billetterie peuvent être vendues, et il en reste trop peu.</translation>
    </message>
    <message>
        <source>These seats are sold through usherd, not from this box office&apos;s allocation.</source>
        <translation>Ces places sont vendues via usherd, pas sur l&apos;attribution de cette billetterie.</translation>
    </message>
    <message>
        <source>These places are not from this box office&apos;s allocation: sell them through usherd.</source>
        <translation>Ces places ne font pas partie de l&apos;attribution de cette billetterie&#xa0;: vendez-les via usherd.</translation>
    </message>
</context>
<context>
    <name>SyncPendingDialog</name>
    <message numerus="yes">
        <source>%n place(s) of area %1</source>
        <extracomment>A sync operation&apos;s GA places: %n places of the standing area with the id %1.</extracomment>
        <translation>
            <numerusform>%n place de la zone %1</numerusform>
            <numerusform>%n places de la zone %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketContentFactory</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Carte %1</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Invitation</translation>
    </message>
</context>
<context>
    <name>TicketOutput</name>
    <message>
        <source>The ticket printer “%1” is not available.</source>
        <extracomment>%1 is a printer name.</extracomment>
        <translation>L&apos;imprimante de billets «&#xa0;%1&#xa0;» n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>printed on %1</source>
        <extracomment>%1 is a printer name.</extracomment>
        <translation>imprimé sur %1</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <extracomment>%1 is a folder.</extracomment>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <extracomment>%1 is a file.</extracomment>
        <translation>enregistré dans %1</translation>
    </message>
    <message>
        <source>Print the tickets of order %1</source>
        <translation>Imprimer les billets de la commande %1</translation>
    </message>
</context>
<context>
    <name>TicketRenderer</name>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, rang %2, place %3</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>Show this ticket at the entrance. The QR code admits one person once; a reprinted ticket replaces this one.</source>
        <translation>Présentez ce billet à l&apos;entrée. Le code QR donne accès à une personne, une seule fois&#xa0;; un billet réimprimé remplace celui-ci.</translation>
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
        <translation>Rendu</translation>
    </message>
    <message>
        <source>Thank you. Keep this receipt for refunds.</source>
        <translation>Merci. Conservez ce reçu pour tout remboursement.</translation>
    </message>
    <message>
        <source>There are no tickets to print.</source>
        <translation>Il n&apos;y a aucun billet à imprimer.</translation>
    </message>
    <message>
        <source>The ticket code &quot;%1&quot; cannot be made into a QR code.</source>
        <translation>Le code de billet «&#xa0;%1&#xa0;» ne peut pas être converti en code QR.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>Impossible d&apos;ouvrir l&apos;imprimante ou le fichier.</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>Impossible de commencer une nouvelle page.</translation>
    </message>
    <message>
        <source>The tickets could not be written.</source>
        <translation>Impossible d&apos;écrire les billets.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation>Ce format de page n&apos;est pas pris en charge.</translation>
    </message>
    <message>
        <source>The printer does not support this page size.</source>
        <translation>L&apos;imprimante ne prend pas en charge ce format de page.</translation>
    </message>
    <message>
        <source>The receipt could not be written.</source>
        <translation>Impossible d&apos;écrire le reçu.</translation>
    </message>
</context>
<context>
    <name>UsherdSampler</name>
    <message>
        <source>server-wide</source>
        <translation>tout le serveur</translation>
    </message>
    <message>
        <source>this event</source>
        <translation>cet événement</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usher box office and event ticketing.</source>
        <translation>Usher&#xa0;: billetterie et vente de billets pour événements.</translation>
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
        <translation>Créer des événements de démonstration s&apos;il n&apos;y en a aucun.</translation>
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
        <translation>Impossible d&apos;écrire la capture d&apos;écran %1.</translation>
    </message>
    <message>
        <source>Could not open the data directory %1: %2</source>
        <extracomment>%1 is a directory, %2 the reason.</extracomment>
        <translation>Impossible d&apos;ouvrir le répertoire de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The card terminal at &lt;host:port&gt; (with --demo: a simulated terminal in the app unless this is given; &quot;none&quot; for no terminal).</source>
        <translation>Le terminal de paiement à &lt;host:port&gt; (avec --demo&#xa0;: un terminal simulé dans l&apos;application, sauf si cette option est donnée&#xa0;; &quot;none&quot; pour aucun terminal).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>This box office&apos;s sales channel (default 2).</source>
        <translation>Le canal de vente de cette billetterie (2 par défaut).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Print tickets on &lt;printer&gt;; without it they are saved as PDF files in the data directory&apos;s tickets folder.</source>
        <translation>Imprimer les billets sur &lt;printer&gt;&#xa0;; sans cette option, ils sont enregistrés en PDF dans le dossier tickets du répertoire de données.</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>With --demo: sign in as the demo account &lt;login&gt; at start.</source>
        <translation>Avec --demo&#xa0;: se connecter au démarrage avec le compte de démonstration &lt;login&gt;.</translation>
    </message>
    <message>
        <source>login</source>
        <translation>login</translation>
    </message>
    <message>
        <source>Show the seat viewer (all events, all channels) instead of the counter.</source>
        <translation>Afficher la vue des places (tous les événements, tous les canaux) au lieu de la caisse.</translation>
    </message>
    <message>
        <source>The central usherd at &lt;url&gt; (e.g. http://127.0.0.1:8080): the admin dashboard shows its live figures.</source>
        <translation>L&apos;usherd central à &lt;url&gt; (p. ex. http://127.0.0.1:8080)&#xa0;: le tableau de bord d&apos;administration affiche ses chiffres en direct.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>A promoter or admin &lt;token&gt; of that usherd (default: the USHER_USHERD_TOKEN environment variable).</source>
        <translation>Un &lt;token&gt; d&apos;organisateur ou d&apos;administrateur de cet usherd (par défaut&#xa0;: la variable d&apos;environnement USHER_USHERD_TOKEN).</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>With --sign-in: show the workspace &lt;id&gt; (sales, dashboard, ...).</source>
        <translation>Avec --sign-in&#xa0;: afficher l&apos;espace de travail &lt;id&gt; (sales, dashboard, ...).</translation>
    </message>
    <message>
        <source>Take the --screenshot after &lt;ms&gt; milliseconds.</source>
        <translation>Prendre la --screenshot après &lt;ms&gt; millisecondes.</translation>
    </message>
    <message>
        <source>--usherd takes a URL such as http://127.0.0.1:8080.</source>
        <translation>--usherd attend une URL comme http://127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>--sign-in works only with --demo.</source>
        <translation>--sign-in ne fonctionne qu&apos;avec --demo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo accounts&lt;/b&gt; (login / password):</source>
        <translation>&lt;b&gt;Comptes de démonstration&lt;/b&gt; (identifiant / mot de passe)&#xa0;:</translation>
    </message>
    <message>
        <source>--sign-in takes a demo account: %1</source>
        <translation>--sign-in attend un compte de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>Usher box office</source>
        <translation>Billetterie Usher</translation>
    </message>
    <message>
        <source>--channel %1 differs from this box office&apos;s enrolment (channel %2). Start without --channel, or enrol the box office again.</source>
        <extracomment>%1 the --channel given, %2 the channel usherd enrolled this box office on.</extracomment>
        <translation>--channel %1 diffère de l&apos;enregistrement de cette billetterie (canal %2). Lancez sans --channel, ou enregistrez de nouveau la billetterie.</translation>
    </message>
</context>
<context>
    <name>usher</name>
    <message>
        <source>GET %1 failed: %2</source>
        <extracomment>%1 is a URL, %2 the reason.</extracomment>
        <translation>GET %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 did not answer a list of events.</source>
        <extracomment>%1 is a URL.</extracomment>
        <translation>%1 n&apos;a pas renvoyé de liste d&apos;événements.</translation>
    </message>
    <message>
        <source>Event %1 could not be updated: %2</source>
        <extracomment>%1 is an event id, %2 the reason.</extracomment>
        <translation>L&apos;événement %1 n&apos;a pas pu être mis à jour&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>usher::SyncClient</name>
    <message>
        <source>The TLS certificate of %1 is not trusted: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the TLS library&apos;s reasons.</extracomment>
        <translation>Le certificat TLS de %1 n&apos;est pas reconnu comme fiable&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not reach usherd at %1: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the reason.</extracomment>
        <translation>Impossible de joindre usherd à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Some events could not be downloaded: %1</source>
        <translation>Certains événements n&apos;ont pas pu être téléchargés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The connection to %1 closed.</source>
        <extracomment>%1 is the server&apos;s address.</extracomment>
        <translation>La connexion à %1 a été fermée.</translation>
    </message>
    <message>
        <source>usherd at %1 closed the connection: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the reason usherd gave.</extracomment>
        <translation>usherd à %1 a fermé la connexion&#xa0;: %2</translation>
    </message>
    <message>
        <source>usherd at %1 closed the connection during the handshake.</source>
        <extracomment>%1 is the server&apos;s address.</extracomment>
        <translation>usherd à %1 a fermé la connexion pendant la négociation.</translation>
    </message>
    <message>
        <source>usherd at %1 did not answer the handshake within %2 s.</source>
        <extracomment>%1 is the server&apos;s address, %2 a number of seconds.</extracomment>
        <translation>usherd à %1 n&apos;a pas répondu à la négociation dans les %2 s.</translation>
    </message>
    <message>
        <source>Could not open the sync outbox %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Impossible d&apos;ouvrir la file d&apos;envoi de synchronisation %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The box office is not syncing with usherd.</source>
        <translation>La billetterie ne se synchronise pas avec usherd.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold. Nothing was held or sold.</source>
        <translation>usherd est injoignable&#xa0;: seules les places attribuées à cette billetterie peuvent être vendues. Rien n&apos;a été réservé ni vendu.</translation>
    </message>
    <message>
        <source>usherd did not answer in time: whether it counted is not known. Try again: the same request never sells twice.</source>
        <translation>usherd n&apos;a pas répondu à temps&#xa0;: on ne sait pas si la requête a été prise en compte. Réessayez&#xa0;: une même requête ne vend jamais deux fois.</translation>
    </message>
    <message>
        <source>The connection to usherd dropped before it answered: whether it counted is not known. Try again: the same request never sells twice.</source>
        <translation>La connexion à usherd a été coupée avant la réponse&#xa0;: on ne sait pas si la requête a été prise en compte. Réessayez&#xa0;: une même requête ne vend jamais deux fois.</translation>
    </message>
    <message>
        <source>The box office stopped syncing before usherd answered.</source>
        <translation>La billetterie a cessé de se synchroniser avant la réponse d&apos;usherd.</translation>
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
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>There is nothing here for your role yet. Sign out, or ask an admin.</source>
        <translation>Il n&apos;y a encore rien ici pour votre rôle. Déconnectez-vous ou demandez à un administrateur.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Event setup</source>
        <translation>Création d&apos;événement</translation>
    </message>
    <message>
        <source>Venue designer</source>
        <translation>Concepteur de salle</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditCsvExport</name>
    <message>
        <source>Event id</source>
        <translation>ID de l&apos;événement</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Journal batch</source>
        <translation>Lot du journal</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export annulé.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>%n ligne exportée.</numerusform>
            <numerusform>%n lignes exportées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditLogModel</name>
    <message>
        <source>The audit index cannot be read: %1</source>
        <translation>L&apos;index d&apos;audit ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Séq.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Clerk or user</source>
        <translation>Caissier ou utilisateur</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Événement %1</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>place %1</translation>
    </message>
    <message numerus="yes">
        <source>%n GA place(s)</source>
        <translation>
            <numerusform>%n place debout</numerusform>
            <numerusform>%n places debout</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold seats</source>
        <translation>Réserver des places</translation>
    </message>
    <message>
        <source>Hold best available</source>
        <translation>Réserver les meilleures places</translation>
    </message>
    <message>
        <source>Hold GA places</source>
        <translation>Réserver des places debout</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Extend hold</source>
        <translation>Prolonger la réservation</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>Paiement commencé</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Paiement échoué</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Allocate seats</source>
        <translation>Attribuer des places</translation>
    </message>
    <message>
        <source>Take seats back</source>
        <translation>Reprendre des places</translation>
    </message>
    <message>
        <source>Allocate GA places</source>
        <translation>Attribuer des places debout</translation>
    </message>
    <message>
        <source>Take GA places back</source>
        <translation>Reprendre des places debout</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>Réédition</translation>
    </message>
    <message>
        <source>Event changed</source>
        <translation>Événement modifié</translation>
    </message>
    <message>
        <source>Command %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Buyer %1</source>
        <translation>Acheteur %1</translation>
    </message>
    <message>
        <source>Clerk %1</source>
        <translation>Caissier %1</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Appareil %1</translation>
    </message>
    <message>
        <source>Promoter %1</source>
        <translation>Organisateur %1</translation>
    </message>
    <message>
        <source>Admin %1</source>
        <translation>Administrateur %1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Actor %1</source>
        <translation>Acteur %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditLogWidget</name>
    <message>
        <source>The audit log cannot be opened: %1</source>
        <translation>Le journal d&apos;audit ne peut pas être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>Seat id or label</source>
        <translation>ID ou libellé de place</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Numéro de commande</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Any id</source>
        <translation>Tout ID</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Tout résultat</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Effectué</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>&amp;From (UTC)</source>
        <translation>&amp;Du (UTC)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Search names, e-mails, references, reasons…</source>
        <translation>Rechercher noms, e-mails, références, motifs…</translation>
    </message>
    <message>
        <source>Follow &amp;live</source>
        <translation>Suivre en d&amp;irect</translation>
    </message>
    <message>
        <source>New records appear at the bottom; the list follows them while it is scrolled to the end.</source>
        <translation>Les nouveaux enregistrements apparaissent en bas&#xa0;; la liste les suit tant qu&apos;elle est défilée jusqu&apos;à la fin.</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>Év&amp;énement</translation>
    </message>
    <message>
        <source>S&amp;eat</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Commande</translation>
    </message>
    <message>
        <source>&amp;Clerk or user</source>
        <translation>Caissier ou &amp;utilisateur</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Seat map right after the record</source>
        <translation>Plan de salle juste après l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Choose a record or an event to see its seats as they were.</source>
        <translation>Choisissez un enregistrement ou un événement pour voir ses places telles qu&apos;elles étaient.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Heure&#xa0;:</translation>
    </message>
    <message>
        <source>Count unavailable</source>
        <translation>Nombre indisponible</translation>
    </message>
    <message>
        <source>More than %L1 records</source>
        <translation>Plus de %L1 enregistrements</translation>
    </message>
    <message numerus="yes">
        <source>%L1 record(s)</source>
        <translation>
            <numerusform>%L1 enregistrement</numerusform>
            <numerusform>%L1 enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit index cannot keep up with the journal: %1</source>
        <translation>L&apos;index d&apos;audit n&apos;arrive pas à suivre le journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Indexing the journal…</source>
        <translation>Indexation du journal…</translation>
    </message>
    <message>
        <source>Up to date with the journal.</source>
        <translation>À jour avec le journal.</translation>
    </message>
    <message>
        <source>The seat map cannot be replayed: %1</source>
        <translation>Le plan de salle ne peut pas être rejoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1, before the first record</source>
        <translation>%1, avant le premier enregistrement</translation>
    </message>
    <message>
        <source>Record %L1 of %L2</source>
        <translation>Enregistrement %L1 sur %L2</translation>
    </message>
    <message>
        <source>%1, right after record %L2 (%3 UTC)</source>
        <translation>%1, juste après l&apos;enregistrement %L2 (%3 UTC)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponibles</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Attribuées</translation>
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
        <source>Blocked</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Séq.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Clerk or user</source>
        <translation>Caissier ou utilisateur</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Seat not available</source>
        <translation>Place non disponible</translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation>Réservations libérées</translation>
    </message>
    <message>
        <source>Journal position</source>
        <translation>Position dans le journal</translation>
    </message>
    <message>
        <source>batch at seq %1, byte %2</source>
        <translation>lot à la séq. %1, octet %2</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Clé d&apos;idempotence</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>New seat</source>
        <translation>Nouvelle place</translation>
    </message>
    <message>
        <source>GA area</source>
        <translation>Zone debout</translation>
    </message>
    <message>
        <source>Pool or channel</source>
        <translation>Contingent ou canal</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Billet</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Expire (UTC)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Price type</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Code du billet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Export du journal d&apos;audit…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>L&apos;export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Waiting room (usherd)</source>
        <translation>&amp;Salle d&apos;attente (usherd)</translation>
    </message>
    <message>
        <source>Upgrading the audit index (%L1 rows) to the new format. This happens once; on a very large log it takes a few minutes. The rest of the app can be used meanwhile.</source>
        <extracomment>%L1 is a number of rows.</extracomment>
        <translation>Mise à niveau de l&apos;index du journal d&apos;audit (%L1 lignes) vers le nouveau format. Cela n&apos;a lieu qu&apos;une fois&#xa0;; sur un très grand journal, cela prend quelques minutes. Le reste de l&apos;application reste utilisable pendant ce temps.</translation>
    </message>
    <message>
        <source>%1 s so far</source>
        <extracomment>%1 is a number of seconds.</extracomment>
        <translation>%1 s jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
</context>
<context>
    <name>usher::ui::CashMovementDialog</name>
    <message>
        <source>Cash in or out</source>
        <translation>Entrée ou sortie d&apos;espèces</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>&amp;Entrée d&apos;espèces</translation>
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation>&amp;Sortie d&apos;espèces</translation>
    </message>
    <message>
        <source>e.g. 50.00</source>
        <translation>p. ex. 50,00</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Montant (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Why: safe drop, change from the bank…</source>
        <translation>Pourquoi&#xa0;: dépôt au coffre, monnaie de la banque…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>In the drawer:</source>
        <translation>Dans le tiroir-caisse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter an amount above zero, e.g. 50.00.</source>
        <translation>Saisissez un montant supérieur à zéro, p. ex. 50,00.</translation>
    </message>
    <message>
        <source>A note is required: say why the cash moves.</source>
        <translation>Une note est obligatoire&#xa0;: indiquez pourquoi les espèces sont déplacées.</translation>
    </message>
</context>
<context>
    <name>usher::ui::CounterBackend</name>
    <message>
        <source>Could not open the box-office database %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Impossible d&apos;ouvrir la base de données de la billetterie %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not start the simulated card terminal: %1</source>
        <extracomment>%1 is the reason.</extracomment>
        <translation>Impossible de démarrer le terminal de paiement simulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The card terminal must be given as host:port, not “%1”.</source>
        <extracomment>%1 is what was given; host:port must stay as it is.</extracomment>
        <translation>Le terminal de paiement doit être indiqué sous la forme host:port, et non «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>usher::ui::CounterWindow</name>
    <message>
        <source>clerk</source>
        <translation>caissier</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>organisateur</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>Usher box office</source>
        <translation>Billetterie Usher</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only; the password needs 8 to 256 bytes.</source>
        <translation>Un identifiant ne contient que des minuscules, des chiffres, «&#xa0;.&#xa0;», «&#xa0;-&#xa0;» et «&#xa0;_&#xa0;»&#xa0;; le mot de passe doit compter de 8 à 256 octets.</translation>
    </message>
    <message>
        <source>An account exists already. Sign in.</source>
        <translation>Un compte existe déjà. Connectez-vous.</translation>
    </message>
    <message>
        <source>Creating the account failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>La création du compte a échoué&#xa0;: %1.</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Vente</translation>
    </message>
    <message>
        <source>&amp;Best available</source>
        <translation>&amp;Meilleures places disponibles</translation>
    </message>
    <message>
        <source>&amp;Hold selected seats</source>
        <translation>&amp;Réserver les places sélectionnées</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>Mo&amp;ntant</translation>
    </message>
    <message>
        <source>Pay &amp;cash</source>
        <translation>Payer en &amp;espèces</translation>
    </message>
    <message>
        <source>Pay by c&amp;ard</source>
        <translation>Payer par &amp;carte</translation>
    </message>
    <message>
        <source>C&amp;omplimentary (supervisor)</source>
        <translation>&amp;Invitation (superviseur)</translation>
    </message>
    <message>
        <source>C&amp;lear cart</source>
        <translation>&amp;Vider le panier</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Del</translation>
    </message>
    <message>
        <source>&amp;Print tickets of the last sale…</source>
        <translation>Im&amp;primer les billets de la dernière vente…</translation>
    </message>
    <message>
        <source>&amp;Save tickets of the last sale as PDF…</source>
        <translation>Enregistrer les billets de la dernière vente en P&amp;DF…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Open ca&amp;rts…</source>
        <translation>Paniers &amp;ouverts…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Commandes</translation>
    </message>
    <message>
        <source>&amp;Find order…</source>
        <translation>&amp;Rechercher une commande…</translation>
    </message>
    <message>
        <source>Order of the &amp;focus seat…</source>
        <translation>Commande de la place &amp;active…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Customer&apos;s previous orders…</source>
        <translation>Commandes &amp;précédentes du client…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>Cash &amp;in or out…</source>
        <translation>&amp;Entrée ou sortie d&apos;espèces…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;X report…</source>
        <translation>Rapport &amp;X…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Close shift (Z report)…</source>
        <translation>&amp;Clôturer la session (rapport Z)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>Év&amp;énements</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Plan de &amp;salle</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Seat &amp;viewer (all seats, all channels)</source>
        <translation>&amp;Vue des places (toutes les places, tous les canaux)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>Comptes du &amp;personnel…</translation>
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
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again after %1, or ask an admin to unlock it.</source>
        <extracomment>%1 is a time of day.</extracomment>
        <translation>Ce compte est verrouillé après trop d&apos;échecs de connexion. Réessayez après %1 ou demandez à un administrateur de le déverrouiller.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>Ce compte est désactivé. Adressez-vous à un administrateur.</translation>
    </message>
    <message numerus="yes">
        <source>The login or the password is wrong. After %n failed attempt(s) in a row the account is locked for a while.</source>
        <translation>
            <numerusform>L&apos;identifiant ou le mot de passe est incorrect. Après %n échec consécutif, le compte est verrouillé pendant un moment.</numerusform>
            <numerusform>L&apos;identifiant ou le mot de passe est incorrect. Après %n échecs consécutifs, le compte est verrouillé pendant un moment.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>La connexion a échoué&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Welcome back, %1: your shift is still open.</source>
        <translation>Bon retour, %1&#xa0;: votre session de caisse est toujours ouverte.</translation>
    </message>
    <message>
        <source>The shift could not be opened: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>La session de caisse n&apos;a pas pu être ouverte&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1.</source>
        <translation>Session de caisse ouverte avec un fonds de caisse de %1.</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you sign out.</source>
        <translation>Terminez ou videz le panier avant de vous déconnecter.</translation>
    </message>
    <message>
        <source>Drawer: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Tiroir-caisse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Drawer: unknown</source>
        <translation>Tiroir-caisse&#xa0;: inconnu</translation>
    </message>
    <message>
        <source>Finish or clear the cart first.</source>
        <translation>Terminez ou videz d&apos;abord le panier.</translation>
    </message>
    <message>
        <source>No open carts.</source>
        <translation>Aucun panier ouvert.</translation>
    </message>
    <message>
        <source>The counter&apos;s cart is in use: finish it first.</source>
        <translation>Le panier de la caisse est en cours d&apos;utilisation&#xa0;: terminez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The cart could not be resumed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Le panier n&apos;a pas pu être repris&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Sale %1 had been paid: it was confirmed as order %2. Reprint its tickets from Find order (Ctrl+F).</source>
        <translation>La vente %1 avait été payée&#xa0;: elle a été confirmée comme commande %2. Réimprimez ses billets depuis «&#xa0;Rechercher une commande&#xa0;» (Ctrl+F).</translation>
    </message>
    <message>
        <source>Sale %1 was released: its seats are back on sale.</source>
        <translation>La vente %1 a été libérée&#xa0;: ses places sont de nouveau en vente.</translation>
    </message>
    <message>
        <source>Sale %1 could not be released yet (%2): try again.</source>
        <extracomment>%1 is a sale reference, %2 says why.</extracomment>
        <translation>La vente %1 n&apos;a pas encore pu être libérée (%2)&#xa0;: réessayez.</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you close the shift.</source>
        <translation>Terminez ou videz le panier avant de clôturer la session de caisse.</translation>
    </message>
    <message>
        <source>The shift is closed. Goodbye.</source>
        <translation>La session de caisse est clôturée. Au revoir.</translation>
    </message>
    <message>
        <source>Wait for the current step to finish before you quit.</source>
        <translation>Attendez la fin de l&apos;étape en cours avant de quitter.</translation>
    </message>
    <message>
        <source>Standing &amp;places</source>
        <translation>&amp;Places debout</translation>
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
            <numerusform>Places disponibles&#xa0;: %1 sur %Ln</numerusform>
            <numerusform>Places disponibles&#xa0;: %1 sur %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::EventPicker</name>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>En vente</translation>
    </message>
    <message>
        <source>Few left</source>
        <translation>Dernières places</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 prochains jours</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>Év&amp;énements</translation>
    </message>
    <message>
        <source>Search name, performer, venue, city or date (Ctrl+E)</source>
        <translation>Rechercher nom, artiste, lieu, ville ou date (Ctrl+E)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Filter on; Space or click removes it</source>
        <translation>Filtre actif&#xa0;; Espace ou un clic le retire</translation>
    </message>
    <message>
        <source>Show only these events</source>
        <translation>N&apos;afficher que ces événements</translation>
    </message>
    <message>
        <source>Past events (%1)</source>
        <translation>Événements passés (%1)</translation>
    </message>
    <message>
        <source>Past events shown; Space or click hides them</source>
        <translation>Événements passés affichés&#xa0;; Espace ou un clic les masque</translation>
    </message>
    <message>
        <source>Also show events that started before today</source>
        <translation>Afficher aussi les événements commencés avant aujourd&apos;hui</translation>
    </message>
</context>
<context>
    <name>usher::ui::EventSetup</name>
    <message>
        <source>&amp;Event</source>
        <translation>Év&amp;énement</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Prix</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canaux</translation>
    </message>
    <message>
        <source>&amp;Waiting room</source>
        <translation>Salle d&apos;&amp;attente</translation>
    </message>
    <message>
        <source>&amp;Save event</source>
        <translation>&amp;Enregistrer l&apos;événement</translation>
    </message>
    <message>
        <source>Publish to &amp;usherd</source>
        <translation>Publier sur &amp;usherd</translation>
    </message>
    <message>
        <source>Set the central server&apos;s address and a token first</source>
        <translation>Indiquez d&apos;abord l&apos;adresse du serveur central et un jeton</translation>
    </message>
    <message>
        <source>e.g. Winter concert</source>
        <translation>p. ex. Concert d&apos;hiver</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Pe&amp;rformer:</source>
        <translation>A&amp;rtiste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Début&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Salle&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>De&amp;vise&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Hold duration:</source>
        <translation>Durée de réserva&amp;tion&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Max tickets per order:</source>
        <translation>Billets &amp;max. par commande&#xa0;:</translation>
    </message>
    <message>
        <source>Price types (adult, concession, child…):</source>
        <translation>Tarifs (adulte, réduit, enfant…)&#xa0;:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Add price type</source>
        <translation>Ajouter un tarif</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Prices per category (empty: not sold at that price type):</source>
        <translation>Prix par catégorie (vide&#xa0;: non vendu à ce tarif)&#xa0;:</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulte</translation>
    </message>
    <message>
        <source>Concession</source>
        <translation>Réduit</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sales channels and their onsale windows (local time of the event&apos;s time zone):</source>
        <translation>Canaux de vente et leurs périodes de vente (heure locale du fuseau horaire de l&apos;événement)&#xa0;:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Onsale</source>
        <translation>Ouverture des ventes</translation>
    </message>
    <message>
        <source>Offsale</source>
        <translation>Fin des ventes</translation>
    </message>
    <message>
        <source>Add box office</source>
        <translation>Ajouter une billetterie</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Box office 1</source>
        <translation>Billetterie 1</translation>
    </message>
    <message>
        <source>Box office %1</source>
        <translation>Billetterie %1</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Billetterie</translation>
    </message>
    <message>
        <source>Queue buyers in a waiting room at the online onsale</source>
        <translation>Placer les acheteurs dans une salle d&apos;attente à l&apos;ouverture des ventes en ligne</translation>
    </message>
    <message>
        <source>Capacity planner</source>
        <translation>Planificateur de capacité</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Use the suggested rate</source>
        <translation>Utiliser le débit suggéré</translation>
    </message>
    <message>
        <source>Purchase sessions at once (C):</source>
        <translation>Sessions d&apos;achat simultanées (C)&#xa0;:</translation>
    </message>
    <message>
        <source>Average purchase time (T):</source>
        <translation>Durée moyenne d&apos;achat (T)&#xa0;:</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source> users/s</source>
        <translation> utilisateurs/s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Drain rate:</source>
        <translation>Débit d&apos;admission&#xa0;:</translation>
    </message>
    <message>
        <source>Batch every:</source>
        <translation>Lot toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Admitted sessions at most:</source>
        <translation>Sessions admises au maximum&#xa0;:</translation>
    </message>
    <message>
        <source>Heartbeat every:</source>
        <translation>Signal de vie toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Queue time to live:</source>
        <translation>Durée de vie de la file&#xa0;:</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Attributions</translation>
    </message>
    <message>
        <source>Box offices sell their allocated seats even offline. Pick a channel, select seats (click, Shift+drag), then allocate.</source>
        <translation>Les billetteries vendent leurs places attribuées même hors ligne. Choisissez un canal, sélectionnez des places (clic, Maj+glisser), puis attribuez-les.</translation>
    </message>
    <message>
        <source>&amp;Allocate selected</source>
        <translation>Attri&amp;buer la sélection</translation>
    </message>
    <message>
        <source>&amp;Return to open pool</source>
        <translation>Rendre au contin&amp;gent libre</translation>
    </message>
    <message>
        <source>%1 · seats: %L2 · standing places: %L3</source>
        <translation>%1 · places assises&#xa0;: %L2 · places debout&#xa0;: %L3</translation>
    </message>
    <message>
        <source>%1 · seats: %L2</source>
        <translation>%1 · places assises&#xa0;: %L2</translation>
    </message>
    <message>
        <source>Every seat is in the open pool.</source>
        <translation>Toutes les places sont dans le contingent libre.</translation>
    </message>
    <message>
        <source>Suggested drain rate: R = 0.8 × %1 / %2 s = %3 users/s</source>
        <translation>Débit d&apos;admission suggéré&#xa0;: R = 0,8 × %1 / %2 s = %3 utilisateurs/s</translation>
    </message>
    <message>
        <source>Enter the event&apos;s name.</source>
        <translation>Saisissez le nom de l&apos;événement.</translation>
    </message>
    <message>
        <source>The name is too long (at most 1,024 bytes).</source>
        <translation>Le nom est trop long (1 024 octets au plus).</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: pick one from the list.</source>
        <translation>Fuseau horaire inconnu «&#xa0;%1&#xa0;»&#xa0;: choisissez-en un dans la liste.</translation>
    </message>
    <message>
        <source>Choose a venue: design one or import it in the venue designer.</source>
        <translation>Choisissez une salle&#xa0;: concevez-la ou importez-la dans le concepteur de salle.</translation>
    </message>
    <message>
        <source>Unknown currency &quot;%1&quot;: use an ISO 4217 code such as EUR.</source>
        <translation>Devise inconnue «&#xa0;%1&#xa0;»&#xa0;: utilisez un code ISO 4217 comme EUR.</translation>
    </message>
    <message>
        <source>Every price type needs its own key (row %1).</source>
        <translation>Chaque tarif doit avoir sa propre clé (ligne %1).</translation>
    </message>
    <message>
        <source>Add at least one price type.</source>
        <translation>Ajoutez au moins un tarif.</translation>
    </message>
    <message>
        <source>%1, %2: &quot;%3&quot; is not an amount in %4 (e.g. %5).</source>
        <translation>%1, %2&#xa0;: «&#xa0;%3&#xa0;» n&apos;est pas un montant en %4 (p. ex. %5).</translation>
    </message>
    <message>
        <source>Enter at least one price: nothing can be sold without one.</source>
        <translation>Saisissez au moins un prix&#xa0;: rien ne peut être vendu sans prix.</translation>
    </message>
    <message>
        <source>Add at least one sales channel.</source>
        <translation>Ajoutez au moins un canal de vente.</translation>
    </message>
    <message>
        <source>Channel %1 has no name.</source>
        <translation>Le canal %1 n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>%1: the offsale must be after the onsale.</source>
        <translation>%1&#xa0;: la fin des ventes doit être postérieure à l&apos;ouverture.</translation>
    </message>
    <message>
        <source>The event is not valid: %1</source>
        <translation>L&apos;événement n&apos;est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>Corrigez d&apos;abord les champs marqués en rouge.</translation>
    </message>
    <message>
        <source>Saved event %1 (%2).</source>
        <translation>Événement %1 enregistré (%2).</translation>
    </message>
    <message>
        <source>Saved, but the allocations failed: %1</source>
        <translation>Enregistré, mais les attributions ont échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 (%2)</source>
        <translation>Non enregistré&#xa0;: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln seat(s) (the venue of a stored event cannot change)</source>
        <translation>
            <numerusform>%1&#xa0;: %Ln place (la salle d&apos;un événement enregistré ne peut pas changer)</numerusform>
            <numerusform>%1&#xa0;: %Ln places (la salle d&apos;un événement enregistré ne peut pas changer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish venue, event and waiting room to %1</source>
        <translation>Publier la salle, l&apos;événement et la salle d&apos;attente sur %1</translation>
    </message>
    <message>
        <source>Publishing to %1…</source>
        <translation>Publication sur %1…</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>&amp;Ouvrir un événement…</translation>
    </message>
    <message>
        <source>Find an event to change: search as you type (%1)</source>
        <translation>Trouver un événement à modifier&#xa0;: recherche pendant la saisie (%1)</translation>
    </message>
    <message>
        <source>Its usherd id could not be kept (%1): publish it again from this session only.</source>
        <translation>Son ID usherd n&apos;a pas pu être conservé (%1)&#xa0;: publiez-le à nouveau depuis cette session uniquement.</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Ouvrir un événement</translation>
    </message>
    <message>
        <source>Opened event %1 (%2).</source>
        <translation>Événement %1 ouvert (%2).</translation>
    </message>
    <message>
        <source>Event %1 is no longer there.</source>
        <translation>L&apos;événement %1 n&apos;existe plus.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2; events published before are not recognised.</source>
        <translation>Impossible de lire %1&#xa0;: %2&#xa0;; les événements publiés auparavant ne sont pas reconnus.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Nouvel événement</translation>
    </message>
    <message>
        <source>Start an empty form for another event (%1)</source>
        <translation>Commencer un formulaire vide pour un autre événement (%1)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Discard them and start a new event?</source>
        <translation>Le formulaire a des modifications non enregistrées. Les abandonner et commencer un nouvel événement&#xa0;?</translation>
    </message>
    <message>
        <source>New event in %1: fill in the form, then save.</source>
        <translation>Nouvel événement dans %1&#xa0;: remplissez le formulaire, puis enregistrez.</translation>
    </message>
    <message>
        <source>No venue yet: design one in the venue designer, or open an event.</source>
        <translation>Pas encore de lieu&#xa0;: concevez-en un dans l&apos;éditeur de salle, ou ouvrez un événement.</translation>
    </message>
    <message>
        <source>No venue yet. Design one in the venue designer and choose &quot;Use for an event&quot;, or open an event.</source>
        <translation>Pas encore de lieu. Concevez-en un dans l&apos;éditeur de salle et choisissez «&#xa0;Utiliser pour un événement&#xa0;», ou ouvrez un événement.</translation>
    </message>
    <message>
        <source>New event: design a venue, fill in the form, then save.</source>
        <translation>Nouvel événement&#xa0;: concevez un lieu, remplissez le formulaire, puis enregistrez.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ExchangeDialog</name>
    <message>
        <source>the ticket is not part of the order</source>
        <translation>le billet ne fait pas partie de la commande</translation>
    </message>
    <message>
        <source>the ticket is no longer valid</source>
        <translation>le billet n&apos;est plus valable</translation>
    </message>
    <message>
        <source>a standing ticket has no seat to exchange</source>
        <translation>un billet debout n&apos;a pas de place à échanger</translation>
    </message>
    <message>
        <source>no such seat</source>
        <translation>place introuvable</translation>
    </message>
    <message>
        <source>that is the ticket&apos;s own seat</source>
        <translation>c&apos;est la place actuelle du billet</translation>
    </message>
    <message>
        <source>the seat was taken in the meantime</source>
        <translation>la place a été prise entre-temps</translation>
    </message>
    <message>
        <source>the ticket&apos;s price type is not sold in that seat&apos;s category</source>
        <translation>le tarif du billet n&apos;est pas vendu dans la catégorie de cette place</translation>
    </message>
    <message>
        <source>same price</source>
        <translation>même prix</translation>
    </message>
    <message>
        <source>Exchange seats of order %1</source>
        <translation>Échanger des places de la commande %1</translation>
    </message>
    <message>
        <source>Each free seat shows what it costs more (+) or less (−) for the ticket&apos;s price type. The customer pays the difference, or gets it back, in cash or by card.</source>
        <translation>Chaque place libre indique ce qu&apos;elle coûte en plus (+) ou en moins (−) pour le tarif du billet. Le client paie la différence, ou la récupère, en espèces ou par carte.</translation>
    </message>
    <message>
        <source>&amp;Tickets:</source>
        <translation>&amp;Billets&#xa0;:</translation>
    </message>
    <message>
        <source>New &amp;seat (type to filter):</source>
        <translation>Nouvelle &amp;place (tapez pour filtrer)&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. row B 7</source>
        <translation>p. ex. rang B 7</translation>
    </message>
    <message>
        <source>Free seats, with the difference in price</source>
        <translation>Places libres, avec la différence de prix</translation>
    </message>
    <message>
        <source>Required, e.g. wants an aisle seat</source>
        <translation>Obligatoire, p. ex. souhaite une place côté allée</translation>
    </message>
    <message>
        <source>Print the new tickets (thermal)</source>
        <translation>Imprimer les nouveaux billets (thermique)</translation>
    </message>
    <message>
        <source>Save the new tickets as PDF (A4)</source>
        <translation>Enregistrer les nouveaux billets en PDF (A4)</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Sortie&#xa0;:</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>Différence&#xa0;:</translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation>Pai&amp;ement&#xa0;:</translation>
    </message>
    <message>
        <source>Cash &amp;handed over:</source>
        <translation>Espèces &amp;remises&#xa0;:</translation>
    </message>
    <message>
        <source>Super&amp;visor login:</source>
        <translation>Identifiant du super&amp;viseur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Choose seat</source>
        <translation>C&amp;hoisir la place</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>É&amp;changer</translation>
    </message>
    <message>
        <source>&amp;Print / save tickets</source>
        <translation>&amp;Imprimer / enregistrer les billets</translation>
    </message>
    <message>
        <source>Pay in c&amp;ash instead</source>
        <translation>P&amp;ayer en espèces à la place</translation>
    </message>
    <message>
        <source>Cancel card payment (Esc)</source>
        <translation>Annuler le paiement par carte (Échap)</translation>
    </message>
    <message>
        <source>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged and no seat moves unless the customer had already paid.</source>
        <translation>Demande au terminal d&apos;annuler pendant que le client est au clavier. Rien n&apos;est débité et aucune place ne change, sauf si le client avait déjà payé.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No valid seated ticket in this order to exchange.</source>
        <translation>Cette commande n&apos;a aucun billet assis valable à échanger.</translation>
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
        <translation>Choisissez d&apos;abord un billet et une place libre.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) to move. Give a reason and press Exchange (Alt+X).</source>
        <translation>
            <numerusform>%n billet à déplacer. Indiquez un motif et appuyez sur Échanger (Alt+C).</numerusform>
            <numerusform>%n billets à déplacer. Indiquez un motif et appuyez sur Échanger (Alt+C).</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer pays %1 more.</source>
        <translation>Le client paie %1 de plus.</translation>
    </message>
    <message>
        <source>Cash (with change)</source>
        <translation>Espèces (avec rendu de monnaie)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>The customer gets %1 back.</source>
        <translation>Le client récupère %1.</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Espèces du tiroir-caisse</translation>
    </message>
    <message>
        <source>Back to the card of the sale</source>
        <translation>Recrédité sur la carte de la vente</translation>
    </message>
    <message>
        <source>The same price: no money changes hands.</source>
        <translation>Même prix&#xa0;: aucun argent n&apos;est échangé.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Rendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose a new seat for at least one ticket first.</source>
        <translation>Choisissez d&apos;abord une nouvelle place pour au moins un billet.</translation>
    </message>
    <message>
        <source>The cash handed over must cover the difference, %1.</source>
        <translation>Les espèces remises doivent couvrir la différence, %1.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal: the customer pays there… (Esc cancels)</source>
        <translation>En attente du terminal de paiement&#xa0;: le client paie… (Échap annule)</translation>
    </message>
    <message>
        <source>Cancelling the card payment: waiting for the terminal&apos;s answer…</source>
        <translation>Annulation du paiement par carte&#xa0;: en attente de la réponse du terminal…</translation>
    </message>
    <message>
        <source>Card payment cancelled: nothing was charged and no seat moved. Take cash or try the card again.</source>
        <translation>Paiement par carte annulé&#xa0;: rien n&apos;a été débité et aucune place n&apos;a changé. Prenez des espèces ou réessayez la carte.</translation>
    </message>
    <message>
        <source>Too late to cancel: the customer had already paid by card.</source>
        <translation>Trop tard pour annuler&#xa0;: le client avait déjà payé par carte.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A price changed since the difference was shown: check it and exchange again.</source>
        <translation>Un prix a changé depuis l&apos;affichage de la différence&#xa0;: vérifiez-le et relancez l&apos;échange.</translation>
    </message>
    <message>
        <source>The card payment did not go through (%1): nothing was moved. Take cash or another card.</source>
        <translation>Le paiement par carte n&apos;est pas passé (%1)&#xa0;: rien n&apos;a été déplacé. Prenez des espèces ou une autre carte.</translation>
    </message>
    <message>
        <source>Not possible: %1.</source>
        <translation>Impossible&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) moved, with new codes: print or save them (Alt+P).</source>
        <translation>
            <numerusform>%n billet déplacé, avec un nouveau code&#xa0;: imprimez-le ou enregistrez-le (Alt+I).</numerusform>
            <numerusform>%n billets déplacés, avec de nouveaux codes&#xa0;: imprimez-les ou enregistrez-les (Alt+I).</numerusform>
        </translation>
    </message>
    <message>
        <source>The terminal declined giving %1 back to the card (reference %2): pay it in cash instead (Alt+A).</source>
        <translation>Le terminal a refusé de recréditer %1 sur la carte (référence %2)&#xa0;: payez-le plutôt en espèces (Alt+A).</translation>
    </message>
    <message>
        <source>The terminal&apos;s answer about giving %1 back to the card is unknown (reference %2): do not pay cash; check the terminal.</source>
        <translation>La réponse du terminal sur le recrédit de %1 sur la carte est inconnue (référence %2)&#xa0;: ne payez pas en espèces&#xa0;; vérifiez le terminal.</translation>
    </message>
    <message>
        <source>The customer still owes %1: a move that lowered the price was refused.</source>
        <translation>Le client doit encore %1&#xa0;: un déplacement qui baissait le prix a été refusé.</translation>
    </message>
    <message>
        <source>%1 taken in cash. Change due: %2.</source>
        <translation>%1 reçus en espèces. Monnaie à rendre&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 taken in cash.</source>
        <translation>%1 reçus en espèces.</translation>
    </message>
    <message>
        <source>Card approved: %1 (auth. %2).</source>
        <extracomment>%1 is an amount, %2 the terminal&apos;s authorisation code.</extracomment>
        <translation>Carte acceptée&#xa0;: %1 (autor. %2).</translation>
    </message>
    <message>
        <source>Hand %1 to the customer from the drawer.</source>
        <translation>Remettez %1 au client depuis le tiroir-caisse.</translation>
    </message>
    <message>
        <source>%1 refunded to the card.</source>
        <translation>%1 remboursés sur la carte.</translation>
    </message>
    <message>
        <source>No money changed hands.</source>
        <translation>Aucun argent n&apos;a été échangé.</translation>
    </message>
    <message>
        <source>Paid in cash instead: hand %1 to the customer.</source>
        <translation>Payé en espèces à la place&#xa0;: remettez %1 au client.</translation>
    </message>
    <message>
        <source>Nothing was moved: the exchange could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the exchange.</extracomment>
        <translation>Rien n&apos;a été déplacé&#xa0;: l&apos;échange n&apos;a pas pu être journalisé pour usherd&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRun</name>
    <message>
        <source>Enter the address of usherd, e.g. https://tickets.example.org:8443.</source>
        <translation>Saisissez l&apos;adresse d&apos;usherd, par exemple https://tickets.example.org:8443.</translation>
    </message>
    <message>
        <source>This is not a valid address. Write it as http://host:port or https://host:port.</source>
        <translation>Cette adresse n&apos;est pas valide. Écrivez-la sous la forme http://hôte:port ou https://hôte:port.</translation>
    </message>
    <message>
        <source>The address starts with http:// or https://.</source>
        <translation>L&apos;adresse commence par http:// ou https://.</translation>
    </message>
    <message>
        <source>The address names no host.</source>
        <translation>L&apos;adresse ne nomme aucun hôte.</translation>
    </message>
    <message>
        <source>Give usherd&apos;s address only (scheme, host and port), without a path, user or query.</source>
        <translation>Indiquez seulement l&apos;adresse d&apos;usherd (schéma, hôte et port), sans chemin, utilisateur ni requête.</translation>
    </message>
    <message>
        <source>Choose a login for the administrator.</source>
        <translation>Choisissez un identifiant pour l&apos;administrateur.</translation>
    </message>
    <message>
        <source>A login has at most 64 characters: lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Un identifiant a au plus 64 caractères&#xa0;: lettres minuscules, chiffres, &apos;.&apos;, &apos;-&apos; et &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Saisissez le nom de l&apos;administrateur.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>Le nom est trop long.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Le mot de passe doit avoir au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The password is too long (at most 256 bytes).</source>
        <translation>Le mot de passe est trop long (256 octets au plus).</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Creating the administrator&apos;s account failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>La création du compte administrateur a échoué&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunAdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>L&apos;administrateur</translation>
    </message>
    <message>
        <source>The first account of this box office. It creates the clerks&apos;, supervisors&apos; and promoters&apos; accounts.</source>
        <translation>Le premier compte de cette billetterie. Il crée les comptes des caissiers, des superviseurs et des organisateurs.</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;; the password needs at least 8 characters. Keep it safe: nobody can read it back.</source>
        <translation>Un identifiant se compose de lettres minuscules, de chiffres, de &apos;.&apos;, &apos;-&apos; et &apos;_&apos;&#xa0;; le mot de passe doit avoir au moins 8 caractères. Gardez-le en lieu sûr&#xa0;: personne ne peut le relire.</translation>
    </message>
    <message>
        <source>L&amp;ogin:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Répéter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>N&amp;om&#xa0;:</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunDemoPage</name>
    <message>
        <source>Demo venues and events</source>
        <translation>Salles et événements de démonstration</translation>
    </message>
    <message>
        <source>Try Usher out on sample data, or start with an empty box office.</source>
        <translation>Essayez Usher sur des données d&apos;exemple, ou commencez avec une billetterie vide.</translation>
    </message>
    <message>
        <source>The demo adds a concert hall and a studio with two events: the first already has seats allocated to the box office, house seats blocked and about a quarter of its tickets sold. Every change goes through the engine, so the audit log tells the same story.</source>
        <translation>La démo ajoute une salle de concert et un studio avec deux événements&#xa0;: le premier a déjà des places attribuées à la billetterie, des places réservées à la maison bloquées et environ un quart de ses billets vendus. Chaque changement passe par le moteur, si bien que le journal d&apos;audit raconte la même histoire.</translation>
    </message>
    <message>
        <source>&amp;Load the demo venues and events</source>
        <translation>&amp;Charger les salles et événements de démonstration</translation>
    </message>
    <message>
        <source>Finish creates the administrator&apos;s account and signs you in. The user guide is under Help (F1).</source>
        <translation>«&#xa0;Terminer&#xa0;» crée le compte administrateur et vous connecte. Le guide d&apos;utilisation se trouve dans Aide (F1).</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunLanguagePage</name>
    <message>
        <source>Welcome to Usher</source>
        <translation>Bienvenue dans Usher</translation>
    </message>
    <message>
        <source>A few questions before the box office opens. You can change the language later in the settings.</source>
        <translation>Quelques questions avant l&apos;ouverture de la billetterie. Vous pourrez changer la langue plus tard dans les paramètres.</translation>
    </message>
    <message>
        <source>Choose the language of Usher&apos;s windows, tickets and reports.</source>
        <translation>Choisissez la langue des fenêtres, billets et rapports d&apos;Usher.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <extracomment>%1 is the system&apos;s language in that language, e.g. &quot;Deutsch&quot;.</extracomment>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>Usher keeps its data in %1. To use another folder, start it with --data FOLDER.</source>
        <extracomment>%1 is a folder.</extracomment>
        <translation>Usher conserve ses données dans %1. Pour utiliser un autre dossier, lancez-le avec --data DOSSIER.</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunServerPage</name>
    <message>
        <source>Asking %1…</source>
        <extracomment>%1 is an address.</extracomment>
        <translation>Interrogation de %1…</translation>
    </message>
    <message>
        <source>usherd answers at %1.</source>
        <extracomment>%1 is an address.</extracomment>
        <translation>usherd répond à %1.</translation>
    </message>
    <message>
        <source>No answer from usherd at %1: %2. You can go on and connect later.</source>
        <extracomment>%1 is an address, %2 the error.</extracomment>
        <translation>Pas de réponse d&apos;usherd à %1&#xa0;: %2. Vous pouvez continuer et vous connecter plus tard.</translation>
    </message>
    <message>
        <source>Stand-alone or connected</source>
        <translation>Autonome ou connectée</translation>
    </message>
    <message>
        <source>Usher sells on its own, or together with the central usherd service of your organisation.</source>
        <translation>Usher vend seul, ou avec le service central usherd de votre organisation.</translation>
    </message>
    <message>
        <source>&amp;Stand-alone: this computer is the whole box office</source>
        <translation>&amp;Autonome&#xa0;: cet ordinateur est toute la billetterie</translation>
    </message>
    <message>
        <source>&amp;Connected to usherd (online sales, other box offices, the live dashboard)</source>
        <translation>&amp;Connectée à usherd (ventes en ligne, autres billetteries, tableau de bord en direct)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Tester la conne&amp;xion</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunWizard</name>
    <message>
        <source>Usher: first start</source>
        <translation>Usher&#xa0;: premier démarrage</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>usher::ui::HelpMenu</name>
    <message>
        <source>About Usher</source>
        <translation>À propos d&apos;Usher</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Usher&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Box office and event ticketing: counter sales, venues and events, live onsales and the audit log.&lt;/p&gt;</source>
        <extracomment>%1 is the version number.</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;Usher&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Billetterie et vente de billets pour événements&#xa0;: vente en caisse, salles et événements, ouvertures des ventes en direct et journal d&apos;audit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hel&amp;p</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>&amp;About Usher</source>
        <translation>À &amp;propos d&apos;Usher</translation>
    </message>
</context>
<context>
    <name>usher::ui::LocalMetricsFeed</name>
    <message>
        <source>this computer (no usherd)</source>
        <translation>cet ordinateur (sans usherd)</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>The event&apos;s engine has stopped.</source>
        <translation>Le moteur de l&apos;événement s&apos;est arrêté.</translation>
    </message>
</context>
<context>
    <name>usher::ui::MainWindow</name>
    <message>
        <source>There are no events yet.
Start Usher with --demo to create two demo events.</source>
        <translation>Il n&apos;y a pas encore d&apos;événement.
Lancez Usher avec --demo pour créer deux événements de démonstration.</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>Év&amp;énements</translation>
    </message>
    <message>
        <source>&amp;Seats by section</source>
        <translation>&amp;Places par secteur</translation>
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
        <translation>%1&#xa0;: %2 · %3 · %4 · %5 · %6</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s)</source>
        <translation>
            <numerusform>%Ln place</numerusform>
            <numerusform>%Ln places</numerusform>
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
            <numerusform>places debout disponibles&#xa0;: %1 sur %Ln</numerusform>
            <numerusform>places debout disponibles&#xa0;: %1 sur %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Status bar: %1 is the seat totals, %2 the standing totals.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select a seat to see its details.</source>
        <translation>Sélectionnez une place pour voir ses détails.</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Plan de &amp;salle</translation>
    </message>
    <message>
        <source>Seat &amp;list</source>
        <translation>&amp;Liste des places</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the venue into the view (0)</source>
        <translation>Ajuster la salle à la vue (0)</translation>
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
        <translation>&amp;Colorer selon&#xa0;:</translation>
    </message>
    <message>
        <source>Seat state</source>
        <translation>État des places</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Catégorie de prix</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>C&amp;ontraste élevé</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>&amp;Effacer la sélection</translation>
    </message>
    <message>
        <source>Click seats to select them, or use the arrow keys and Space.</source>
        <translation>Cliquez sur des places pour les sélectionner, ou utilisez les flèches et la barre d&apos;espace.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <extracomment>A selected seat in the selection panel: section, row, seat.</extracomment>
        <translation>%1, rang %2, place %3</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected:</source>
        <translation>
            <numerusform>%n place sélectionnée&#xa0;:</numerusform>
            <numerusform>%n places sélectionnées&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::MetricsFeed</name>
    <message>
        <source>The waiting room can be changed only when connected to usherd.</source>
        <translation>La salle d&apos;attente ne peut être modifiée qu&apos;en étant connecté à usherd.</translation>
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
        <translation>fermé</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>OUVERT</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>semi-ouvert</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Event list</source>
        <translation>Liste des événements</translation>
    </message>
    <message>
        <source>Event detail</source>
        <translation>Détail de l&apos;événement</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source&#xa0;: %1</translation>
    </message>
    <message>
        <source>Live onsale</source>
        <translation>Ouverture des ventes en direct</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>Év&amp;énement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenêtre&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation>En attente des données…</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Longueur de la file</translation>
    </message>
    <message>
        <source>Inflow / outflow</source>
        <translation>Entrées / sorties</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Sessions actives</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Chiffre d&apos;affaires</translation>
    </message>
    <message>
        <source>Conflicts (409)</source>
        <translation>Conflits (409)</translation>
    </message>
    <message>
        <source>Rate limited (429)</source>
        <translation>Limités en débit (429)</translation>
    </message>
    <message>
        <source>Released holds</source>
        <translation>Réservations libérées</translation>
    </message>
    <message>
        <source>Abandonment</source>
        <translation>Abandons</translation>
    </message>
    <message>
        <source>Gateway latency / errors</source>
        <translation>Latence / erreurs de la passerelle</translation>
    </message>
    <message>
        <source>Gateway circuit</source>
        <translation>Disjoncteur de la passerelle</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>Salle d&apos;attente</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personnes</translation>
    </message>
    <message>
        <source>Queue flow</source>
        <translation>Flux de la file</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>Inflow</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Outflow</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Drain rate setting</source>
        <translation>Débit d&apos;admission réglé</translation>
    </message>
    <message>
        <source>Holds and sales</source>
        <translation>Réservations et ventes</translation>
    </message>
    <message>
        <source>Refusals and releases</source>
        <translation>Refus et libérations</translation>
    </message>
    <message>
        <source>409 conflicts</source>
        <translation>Conflits 409</translation>
    </message>
    <message>
        <source>429 refusals</source>
        <translation>Refus 429</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Libérées</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Taux de succès du cache</translation>
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
        <translation>Passerelle de paiement</translation>
    </message>
    <message>
        <source>ms · errors/s</source>
        <translation>ms · erreurs/s</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latence (ms)</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Erreurs/s</translation>
    </message>
    <message>
        <source>&amp;Pause queue…</source>
        <translation>Mettre la file en &amp;pause…</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>Set &amp;drain rate…</source>
        <translation>Régler le &amp;débit d&apos;admission…</translation>
    </message>
    <message>
        <source>Box offices</source>
        <translation>Billetteries</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Billetterie</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <source>Sync lag</source>
        <translation>Retard de synchro</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>No box-office list: it needs a usherd with GET /api/devices.</source>
        <translation>Pas de liste des billetteries&#xa0;: il faut un usherd avec GET /api/devices.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is an event id, %2 its name.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>événement %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>Not updating</source>
        <translation>Pas de mise à jour</translation>
    </message>
    <message>
        <source>Sales figures: %1</source>
        <translation>Chiffres de vente&#xa0;: %1</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>pas de salle d&apos;attente</translation>
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
            <numerusform>%n alerte. %1</numerusform>
            <numerusform>%n alertes. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No box office is connected.</source>
        <translation>Aucune billetterie n&apos;est connectée.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Resume queue…</source>
        <translation>&amp;Reprendre la file…</translation>
    </message>
    <message>
        <source>Pausing and the drain rate need a connection to usherd with a promoter or admin token.</source>
        <translation>La pause et le débit d&apos;admission exigent une connexion à usherd avec un jeton d&apos;organisateur ou d&apos;administrateur.</translation>
    </message>
    <message>
        <source>This event has no waiting room.</source>
        <translation>Cet événement n&apos;a pas de salle d&apos;attente.</translation>
    </message>
    <message>
        <source>Queue %1, drain rate %2.</source>
        <extracomment>%1 is &quot;running&quot; or &quot;paused&quot;, %2 a rate.</extracomment>
        <translation>File %1, débit d&apos;admission %2.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>running</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Pause the queue of %1? Nobody is admitted until you resume it; %2 people are waiting.</source>
        <extracomment>%1 is an event, %2 a number of people.</extracomment>
        <translation>Mettre en pause la file de %1&#xa0;? Personne n&apos;est admis jusqu&apos;à la reprise&#xa0;; personnes en attente&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Resume the queue of %1? Admissions start again at the drain rate.</source>
        <translation>Reprendre la file de %1&#xa0;? Les admissions reprennent au débit d&apos;admission.</translation>
    </message>
    <message>
        <source>Pause the queue</source>
        <translation>Mettre la file en pause</translation>
    </message>
    <message>
        <source>Resume the queue</source>
        <translation>Reprendre la file</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Change the drain rate of %1 from %2 to %3?</source>
        <extracomment>%1 is an event, %2 and %3 rates such as &quot;13.3/s&quot;.</extracomment>
        <translation>Changer le débit d&apos;admission de %1 de %2 à %3&#xa0;?</translation>
    </message>
    <message>
        <source>Change the drain rate</source>
        <translation>Changer le débit d&apos;admission</translation>
    </message>
    <message>
        <source>Done: the change is in force and in usherd&apos;s audit log.</source>
        <translation>Terminé&#xa0;: la modification est en vigueur et figure dans le journal d&apos;audit d&apos;usherd.</translation>
    </message>
    <message>
        <source>%1 (%2 expired)</source>
        <extracomment>Released seats per second, then how many holds ran out per second, e.g. &quot;6.0/s (2.0/s expired)&quot;.</extracomment>
        <translation>%1 (%2 expirées)</translation>
    </message>
</context>
<context>
    <name>usher::ui::OnsaleDashboardAlerts</name>
    <message>
        <source>Cache &quot;%1&quot;: hit ratio %2, below %3.</source>
        <extracomment>%1 is a cache&apos;s name, %2 and %3 percentages.</extracomment>
        <translation>Cache «&#xa0;%1&#xa0;»&#xa0;: taux de succès %2, en dessous de %3.</translation>
    </message>
    <message>
        <source>The queue is paused with %1 waiting.</source>
        <extracomment>%1 is a number of people.</extracomment>
        <translation>La file est en pause&#xa0;; personnes en attente&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The drain has stalled: %1 waiting, nobody admitted for %2 s.</source>
        <extracomment>%1 is a number of people, %2 of seconds.</extracomment>
        <translation>Les admissions sont bloquées&#xa0;: personnes en attente&#xa0;: %1, aucune admission depuis %2 s.</translation>
    </message>
    <message>
        <source>The payment gateway&apos;s circuit is open: purchases fail fast.</source>
        <translation>Le disjoncteur de la passerelle de paiement est ouvert&#xa0;: les achats échouent immédiatement.</translation>
    </message>
    <message>
        <source>The payment gateway&apos;s circuit is half-open: probing the gateway.</source>
        <translation>Le disjoncteur de la passerelle de paiement est semi-ouvert&#xa0;: la passerelle est sondée.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OpenCartsPage</name>
    <message>
        <source>seats held, not paid</source>
        <translation>places réservées, non payées</translation>
    </message>
    <message>
        <source>payment started</source>
        <translation>paiement commencé</translation>
    </message>
    <message>
        <source>paid, tickets being issued</source>
        <translation>payé, billets en cours d&apos;émission</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Open carts&lt;/h2&gt;These sales were not finished when Usher last stopped. Their seats are still held for you. Resume a cart to finish the sale, or release it: money taken is given back (a card payment is reversed) and the seats go back on sale.</source>
        <translation>&lt;h2&gt;Paniers ouverts&lt;/h2&gt;Ces ventes n&apos;étaient pas terminées lors du dernier arrêt d&apos;Usher. Leurs places sont toujours réservées pour vous. Reprenez un panier pour terminer la vente, ou libérez-le&#xa0;: l&apos;argent encaissé est rendu (un paiement par carte est annulé) et les places sont remises en vente.</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>&amp;Resume (Enter)</source>
        <translation>&amp;Reprendre (Entrée)</translation>
    </message>
    <message>
        <source>Re&amp;lease (Del)</source>
        <translation>&amp;Libérer (Suppr)</translation>
    </message>
    <message>
        <source>&amp;Go to the counter (Esc)</source>
        <translation>Aller à la &amp;caisse (Échap)</translation>
    </message>
</context>
<context>
    <name>usher::ui::OpenShiftPage</name>
    <message>
        <source>Open your shift</source>
        <translation>Ouvrez votre session de caisse</translation>
    </message>
    <message>
        <source>e.g. 150.00</source>
        <translation>p. ex. 150,00</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>&amp;Ouvrir la session</translation>
    </message>
    <message>
        <source>Cash &amp;float in the drawer:</source>
        <translation>&amp;Fonds de caisse dans le tiroir&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>De&amp;vise&#xa0;:</translation>
    </message>
    <message>
        <source>Welcome, %1. Count the cash float into the drawer and enter it.</source>
        <extracomment>%1 is the clerk&apos;s name.</extracomment>
        <translation>Bienvenue, %1. Comptez le fonds de caisse dans le tiroir et saisissez-le.</translation>
    </message>
    <message>
        <source>The currency is a three-letter code such as EUR.</source>
        <translation>La devise est un code de trois lettres comme EUR.</translation>
    </message>
    <message>
        <source>Enter the float as an amount such as 150.00.</source>
        <translation>Saisissez le fonds de caisse sous forme de montant, p. ex. 150,00.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OrderDialog</name>
    <message>
        <source>Find an order</source>
        <translation>Rechercher une commande</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Texte cherché&#xa0;:</translation>
    </message>
    <message>
        <source>Order number, ticket code, buyer name, seat or payment reference</source>
        <translation>Numéro de commande, code de billet, nom de l&apos;acheteur, place ou référence de paiement</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Trouvé par</translation>
    </message>
    <message>
        <source>Orders found</source>
        <translation>Commandes trouvées</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
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
        <translation>État</translation>
    </message>
    <message>
        <source>Tickets of the order</source>
        <translation>Billets de la commande</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Payments of the order</source>
        <translation>Paiements de la commande</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>Re&amp;mbourser…</translation>
    </message>
    <message>
        <source>E&amp;xchange…</source>
        <translation>É&amp;changer…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Annuler…</translation>
    </message>
    <message>
        <source>Re&amp;print…</source>
        <translation>Ré&amp;imprimer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Type an order number, a ticket code, a name, a seat or a payment reference.</source>
        <translation>Saisissez un numéro de commande, un code de billet, un nom, une place ou une référence de paiement.</translation>
    </message>
    <message>
        <source>No order found for “%1”.</source>
        <translation>Aucune commande trouvée pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) found. Down: to the list.</source>
        <translation>
            <numerusform>%n commande trouvée. Flèche bas&#xa0;: vers la liste.</numerusform>
            <numerusform>%n commandes trouvées. Flèche bas&#xa0;: vers la liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>No order selected.</source>
        <translation>Aucune commande sélectionnée.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Order %1&lt;/b&gt; · %2 · %3 · sold %4 through %5</source>
        <translation>&lt;b&gt;Commande %1&lt;/b&gt; · %2 · %3 · vendue le %4 via %5</translation>
    </message>
    <message>
        <source>no buyer name</source>
        <translation>pas de nom d&apos;acheteur</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 · refunded %2 · %3 of %n ticket(s) valid</source>
        <translation>
            <numerusform>Total %1 · remboursé %2 · billets valables&#xa0;: %3 sur %n</numerusform>
            <numerusform>Total %1 · remboursé %2 · billets valables&#xa0;: %3 sur %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No payment recorded here</source>
        <translation>Aucun paiement enregistré ici</translation>
    </message>
    <message>
        <source>Open a shift to refund, exchange, void or reprint.</source>
        <translation>Ouvrez une session de caisse pour rembourser, échanger, annuler ou réimprimer.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n orders found; type more to narrow the search.</source>
        <translation>
            <numerusform>La première commande trouvée&#xa0;; précisez la saisie pour affiner la recherche.</numerusform>
            <numerusform>Les %n premières commandes trouvées&#xa0;; précisez la saisie pour affiner la recherche.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::PrometheusSnapshot</name>
    <message>
        <source>a metric name was expected</source>
        <translation>un nom de métrique était attendu</translation>
    </message>
    <message>
        <source>a label name was expected</source>
        <translation>un nom de label était attendu</translation>
    </message>
    <message>
        <source>a label needs =&quot;value&quot;</source>
        <translation>un label exige =&quot;valeur&quot;</translation>
    </message>
    <message>
        <source>a label value is not closed</source>
        <translation>une valeur de label n&apos;est pas fermée</translation>
    </message>
    <message>
        <source>a label list is not closed</source>
        <translation>une liste de labels n&apos;est pas fermée</translation>
    </message>
    <message>
        <source>the value is not a number</source>
        <translation>la valeur n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>unexpected text after the value</source>
        <translation>texte inattendu après la valeur</translation>
    </message>
    <message>
        <source>the scrape is larger than 16 MiB: the rest was ignored</source>
        <translation>la collecte dépasse 16 Mio&#xa0;: le reste a été ignoré</translation>
    </message>
    <message>
        <source>more than %1 samples: the rest was ignored</source>
        <translation>plus de %1 échantillons&#xa0;: le reste a été ignoré</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 is a line number, %2 what is wrong with the line.</extracomment>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>usher::ui::PromoterPublisher</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Storing the venue failed: %1</source>
        <translation>L&apos;enregistrement de la salle a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Creating the event failed: %1</source>
        <translation>La création de l&apos;événement a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Event %1 was created, but setting its waiting room failed: %2</source>
        <translation>L&apos;événement %1 a été créé, mais la configuration de sa salle d&apos;attente a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Published as event %1 on usherd.</source>
        <translation>Publié comme événement %1 sur usherd.</translation>
    </message>
    <message>
        <source>Changing event %1 on usherd failed: %2</source>
        <translation>La modification de l&apos;événement %1 sur usherd a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Event %1 was changed, but setting its waiting room failed: %2</source>
        <translation>L&apos;événement %1 a été modifié, mais la configuration de sa salle d&apos;attente a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Published the changes to event %1 on usherd.</source>
        <translation>Les modifications de l&apos;événement %1 ont été publiées sur usherd.</translation>
    </message>
</context>
<context>
    <name>usher::ui::RefundDialog</name>
    <message>
        <source>Refund order %1</source>
        <translation>Rembourser la commande %1</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3. Tick the tickets to refund (Space).</source>
        <translation>Commande %1 · %2 · %3. Cochez les billets à rembourser (Espace).</translation>
    </message>
    <message>
        <source>no buyer name</source>
        <translation>pas de nom d&apos;acheteur</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Required, e.g. customer is ill</source>
        <translation>Obligatoire, p. ex. client malade</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Espèces du tiroir-caisse</translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation>Recrédité sur la carte</translation>
    </message>
    <message>
        <source>&amp;Money back as:</source>
        <translation>&amp;Rembourser en&#xa0;:</translation>
    </message>
    <message>
        <source>Super&amp;visor login:</source>
        <translation>Identifiant du super&amp;viseur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>Re&amp;mbourser</translation>
    </message>
    <message>
        <source>Pay in &amp;cash instead</source>
        <translation>Payer en &amp;espèces à la place</translation>
    </message>
    <message>
        <source>&amp;Ask the terminal again</source>
        <translation>Interroger à nouveau le &amp;terminal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>To refund: %1 for %n ticket(s).</source>
        <translation>
            <numerusform>À rembourser&#xa0;: %1 pour %n billet.</numerusform>
            <numerusform>À rembourser&#xa0;: %1 pour %n billets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one valid ticket.</source>
        <translation>Cochez au moins un billet valable.</translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 for %n ticket(s): hand %1 in cash to the customer.</source>
        <translation>
            <numerusform>%1 remboursés pour %n billet&#xa0;: remettez %1 en espèces au client.</numerusform>
            <numerusform>%1 remboursés pour %n billets&#xa0;: remettez %1 en espèces au client.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 for %n ticket(s) back to the card (reference %2).</source>
        <translation>
            <numerusform>%1 remboursés sur la carte pour %n billet (référence %2).</numerusform>
            <numerusform>%1 remboursés sur la carte pour %n billets (référence %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>The tickets are refunded, but the card terminal %1 the card refund of %2 (reference %3). Pay it in cash instead, or refund it on the terminal by hand.</source>
        <translation>Les billets sont remboursés, mais le remboursement sur carte de %2 n&apos;a pas abouti (terminal&#xa0;: %1, référence %3). Payez-le plutôt en espèces, ou remboursez-le à la main sur le terminal.</translation>
    </message>
    <message>
        <source>The tickets are refunded, but whether the card refund of %1 went through is not known (terminal %2, reference %3). Do not pay cash yet: ask the terminal again.</source>
        <translation>Les billets sont remboursés, mais on ne sait pas si le remboursement sur carte de %1 est passé (terminal %2, référence %3). Ne payez pas encore en espèces&#xa0;: interrogez à nouveau le terminal.</translation>
    </message>
    <message>
        <source>Paid in cash instead: hand %1 to the customer.</source>
        <translation>Payé en espèces à la place&#xa0;: remettez %1 au client.</translation>
    </message>
    <message>
        <source>The terminal confirms the card refund of %1.</source>
        <translation>Le terminal confirme le remboursement sur carte de %1.</translation>
    </message>
    <message>
        <source>The terminal says the card refund was %1: pay it in cash instead.</source>
        <translation>Selon le terminal, le remboursement sur carte a été %1&#xa0;: payez-le plutôt en espèces.</translation>
    </message>
    <message>
        <source>Still no answer from the terminal (%1). Try again in a moment.</source>
        <translation>Toujours pas de réponse du terminal (%1). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Nothing was refunded: the refund could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the refund.</extracomment>
        <translation>Rien n&apos;a été remboursé&#xa0;: le remboursement n&apos;a pas pu être journalisé pour usherd&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::ReprintDialog</name>
    <message>
        <source>Reprint tickets of order %1</source>
        <translation>Réimprimer des billets de la commande %1</translation>
    </message>
    <message>
        <source>Each reprinted ticket gets a new code; its old code stops scanning. Tick the tickets to reprint (Space).</source>
        <translation>Chaque billet réimprimé reçoit un nouveau code&#xa0;; son ancien code n&apos;est plus accepté au contrôle. Cochez les billets à réimprimer (Espace).</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Billets</translation>
    </message>
    <message>
        <source>%1 · %2 · code %3 · %4</source>
        <translation>%1 · %2 · code %3 · %4</translation>
    </message>
    <message>
        <source>Required, e.g. ticket lost, printer jam</source>
        <translation>Obligatoire, p. ex. billet perdu, bourrage papier</translation>
    </message>
    <message>
        <source>Thermal ticket (2 × 5.5 in)</source>
        <translation>Billet thermique (2 × 5,5 pouces)</translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <source>US Letter page</source>
        <translation>Page US Letter</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Mise en page&#xa0;:</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Sortie&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>Ré&amp;imprimer</translation>
    </message>
    <message>
        <source>Output &amp;again</source>
        <translation>Ressortir de &amp;nouveau</translation>
    </message>
    <message>
        <source>Print or save the new tickets again (no new codes)</source>
        <translation>Imprimer ou enregistrer à nouveau les nouveaux billets (sans nouveaux codes)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Tick at least one valid ticket.</source>
        <translation>Cochez au moins un billet valable.</translation>
    </message>
    <message>
        <source>%1 · %2 · new code %3</source>
        <translation>%1 · %2 · nouveau code %3</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) reissued with new codes; the old codes no longer scan.</source>
        <translation>
            <numerusform>%n billet réédité avec un nouveau code&#xa0;; l&apos;ancien code n&apos;est plus accepté.</numerusform>
            <numerusform>%n billets réédités avec de nouveaux codes&#xa0;; les anciens codes ne sont plus acceptés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not printed yet: use Output again.</source>
        <translation>Pas encore imprimé&#xa0;: utilisez «&#xa0;Ressortir de nouveau&#xa0;».</translation>
    </message>
</context>
<context>
    <name>usher::ui::SalePage</name>
    <message>
        <source>Best available (F2)</source>
        <translation>Meilleures places disponibles (F2)</translation>
    </message>
    <message>
        <source>2, 4B, 2* …</source>
        <translation>2, 4B, 2* …</translation>
    </message>
    <message>
        <source>Quantity, then optionally a category key; * for accessible seats, ~ to allow splitting the group. Enter holds the best seats.</source>
        <translation>Quantité, puis éventuellement une clé de catégorie&#xa0;; * pour les places accessibles, ~ pour permettre de séparer le groupe. Entrée réserve les meilleures places.</translation>
    </message>
    <message>
        <source>&amp;Together</source>
        <translation>&amp;Ensemble</translation>
    </message>
    <message>
        <source>&amp;Accessible</source>
        <translation>&amp;Accessible</translation>
    </message>
    <message>
        <source>&amp;Hold best</source>
        <translation>Réserver les &amp;meilleures</translation>
    </message>
    <message>
        <source>Hold &amp;selected seats (Ctrl+H)</source>
        <translation>Réserver les places &amp;sélectionnées (Ctrl+H)</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Billet</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Left/Right or 1–9 change the ticket type of the selected line</source>
        <translation>Gauche/Droite ou 1–9 changent le type de billet de la ligne sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Clear cart (Ctrl+Del)</source>
        <translation>&amp;Vider le panier (Ctrl+Del)</translation>
    </message>
    <message>
        <source>Customer (optional, Ctrl+K)</source>
        <translation>Client (facultatif, Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Previous orders (Ctrl+Shift+F)</source>
        <translation>Commandes pré&amp;cédentes (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-mai&amp;l&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>Dernière vente</translation>
    </message>
    <message>
        <source>No sale yet in this session.</source>
        <translation>Aucune vente encore dans cette session.</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>Im&amp;primer… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save P&amp;DF… (Ctrl+Shift+S)</source>
        <translation>Enregistrer en P&amp;DF… (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Cash: what the customer hands over. Card: the amount to charge (less than what is due for a split payment).</source>
        <translation>Espèces&#xa0;: ce que le client remet. Carte&#xa0;: le montant à débiter (moins que le dû pour un paiement fractionné).</translation>
    </message>
    <message>
        <source>Cash (Enter/F8)</source>
        <translation>Espèces (Entrée/F8)</translation>
    </message>
    <message>
        <source>Card (F9)</source>
        <translation>Carte (F9)</translation>
    </message>
    <message>
        <source>Complimentary (F10)</source>
        <translation>Invitation (F10)</translation>
    </message>
    <message>
        <source>Cancel card payment (Esc)</source>
        <translation>Annuler le paiement par carte (Échap)</translation>
    </message>
    <message>
        <source>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged unless the customer had already paid.</source>
        <translation>Demande au terminal d&apos;annuler pendant que le client est au clavier. Rien n&apos;est débité, sauf si le client avait déjà payé.</translation>
    </message>
    <message>
        <source>supervisor login</source>
        <translation>identifiant du superviseur</translation>
    </message>
    <message>
        <source>supervisor password</source>
        <translation>mot de passe du superviseur</translation>
    </message>
    <message>
        <source>A&amp;mount (F7):</source>
        <translation>M&amp;ontant (F7)&#xa0;:</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you change the event.</source>
        <translation>Terminez ou videz le panier avant de changer d&apos;événement.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Available to sell here&lt;/b&gt;</source>
        <translation>&lt;b&gt;Disponible à la vente ici&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <extracomment>%1 category name, %2 seats this desk can sell, %3 seats of the category.</extracomment>
        <translation>%1&#xa0;: %2 sur %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 places</source>
        <extracomment>%1 standing area, %2 places left, %3 capacity.</extracomment>
        <translation>%1&#xa0;: %2 sur %3 places</translation>
    </message>
    <message>
        <source>Choose an event first (Ctrl+E).</source>
        <translation>Choisissez d&apos;abord un événement (Ctrl+E).</translation>
    </message>
    <message>
        <source>Type how many seats, e.g. 2, then Enter.</source>
        <translation>Tapez le nombre de places, p. ex. 2, puis Entrée.</translation>
    </message>
    <message>
        <source>There is no category “%1” at this venue.</source>
        <extracomment>%1 is what the clerk typed as a category key.</extracomment>
        <translation>Il n&apos;y a pas de catégorie «&#xa0;%1&#xa0;» dans cette salle.</translation>
    </message>
    <message>
        <source>Select seats on the map first (Ctrl+M, arrows, Space).</source>
        <translation>Sélectionnez d&apos;abord des places sur le plan (Ctrl+M, flèches, Espace).</translation>
    </message>
    <message>
        <source>The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first.</source>
        <translation>Le panier contient déjà des places&#xa0;: encaissez-les ou videz d&apos;abord le panier (Ctrl+Del).</translation>
    </message>
    <message>
        <source>Open a shift first.</source>
        <translation>Ouvrez d&apos;abord une session de caisse.</translation>
    </message>
    <message>
        <source>Still working on the last step…</source>
        <translation>La dernière étape est encore en cours…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket(s))</source>
        <extracomment>%1 is a count of tickets, %2 an amount of money.</extracomment>
        <translation>
            <numerusform>&lt;b&gt;Total&#xa0;: %2&lt;/b&gt; (%n billet)</numerusform>
            <numerusform>&lt;b&gt;Total&#xa0;: %2&lt;/b&gt; (%n billets)</numerusform>
        </translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Le panier est vide.</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Rien à payer</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>À payer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source> (outcome unknown)</source>
        <translation> (résultat inconnu)</translation>
    </message>
    <message>
        <source>No card terminal is configured.</source>
        <translation>Aucun terminal de paiement n&apos;est configuré.</translation>
    </message>
    <message>
        <source>Ticket types can only change before the payment starts.</source>
        <translation>Les types de billet ne peuvent changer qu&apos;avant le début du paiement.</translation>
    </message>
    <message>
        <source>That ticket type is not sold in this category.</source>
        <translation>Ce type de billet n&apos;est pas vendu dans cette catégorie.</translation>
    </message>
    <message>
        <source>payment in progress</source>
        <translation>paiement en cours</translation>
    </message>
    <message>
        <source>The hold expired: the seats went back on sale and the cart is empty.</source>
        <translation>La réservation a expiré&#xa0;: les places sont remises en vente et le panier est vide.</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <extracomment>%1 is minutes:seconds.</extracomment>
        <translation>Réservation&#xa0;: %1</translation>
    </message>
    <message>
        <source>The hold runs out in %1: take the payment now.</source>
        <extracomment>%1 is minutes:seconds.</extracomment>
        <translation>La réservation expire dans %1&#xa0;: encaissez maintenant.</translation>
    </message>
    <message>
        <source>Cart cleared: the seats were released and any money taken was given back.</source>
        <translation>Panier vidé&#xa0;: les places ont été libérées et l&apos;argent encaissé a été rendu.</translation>
    </message>
    <message>
        <source>A supervisor signs in here to approve complimentary tickets.</source>
        <translation>Un superviseur se connecte ici pour approuver les invitations.</translation>
    </message>
    <message>
        <source>The cart is empty: hold seats first (F2).</source>
        <translation>Le panier est vide&#xa0;: réservez d&apos;abord des places (F2).</translation>
    </message>
    <message>
        <source>Enter the amount as a number such as 50.00.</source>
        <translation>Saisissez le montant sous forme de nombre, p. ex. 50,00.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal: the customer pays there… (Esc cancels)</source>
        <translation>En attente du terminal de paiement&#xa0;: le client paie… (Échap annule)</translation>
    </message>
    <message>
        <source>Card payment cancelled: nothing was charged. The seats are still held; take cash or try the card again.</source>
        <translation>Paiement par carte annulé&#xa0;: rien n&apos;a été débité. Les places restent réservées&#xa0;; prenez des espèces ou réessayez la carte.</translation>
    </message>
    <message>
        <source>Too late to cancel: the customer had already paid by card.</source>
        <translation>Trop tard pour annuler&#xa0;: le client avait déjà payé par carte.</translation>
    </message>
    <message>
        <source>Cancelling the card payment: waiting for the terminal&apos;s answer…</source>
        <translation>Annulation du paiement par carte&#xa0;: en attente de la réponse du terminal…</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Monnaie à rendre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Card approved: %1 (auth. %2)</source>
        <extracomment>%1 is an amount, %2 the terminal&apos;s authorisation code.</extracomment>
        <translation>Carte acceptée&#xa0;: %1 (autor. %2)</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Payé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Still due: %1</source>
        <translation>Reste à payer&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Order %1: %n ticket(s) %3.</source>
        <extracomment>%1 order number, %2 count of tickets, %3 where they went (e.g. &quot;printed on Thermal-1&quot;).</extracomment>
        <translation>
            <numerusform>Commande %1&#xa0;: %n billet %3.</numerusform>
            <numerusform>Commande %1&#xa0;: %n billets %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 is paid, but its tickets could not be issued: %2 Print them with Ctrl+P.</source>
        <extracomment>%1 order number, %2 the reason the tickets could not be printed or saved.</extracomment>
        <translation>La commande %1 est payée, mais ses billets n&apos;ont pas pu être émis&#xa0;: %2 Imprimez-les avec Ctrl+P.</translation>
    </message>
    <message>
        <source>No sale to print yet.</source>
        <translation>Aucune vente à imprimer pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No sale to save yet.</source>
        <translation>Aucune vente à enregistrer pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Save the tickets as PDF</source>
        <translation>Enregistrer les billets au format PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Move to a seat on the map first (Ctrl+M, arrow keys).</source>
        <translation>Placez-vous d&apos;abord sur une place du plan (Ctrl+M, flèches).</translation>
    </message>
    <message>
        <source>Not enough seats are available for that: try fewer, another category, or allow splitting (~).</source>
        <translation>Pas assez de places disponibles&#xa0;: essayez moins de places, une autre catégorie, ou autorisez la séparation (~).</translation>
    </message>
    <message>
        <source>The hold has expired: the seats went back on sale.</source>
        <translation>La réservation a expiré&#xa0;: les places sont remises en vente.</translation>
    </message>
    <message>
        <source>This event is not on sale at the box office now.</source>
        <translation>Cet événement n&apos;est pas en vente à la billetterie actuellement.</translation>
    </message>
    <message>
        <source>That is more tickets than one order may have.</source>
        <translation>C&apos;est plus de billets qu&apos;une commande ne peut en contenir.</translation>
    </message>
    <message>
        <source>The sale was refused: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>La vente a été refusée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s login or password is wrong.</source>
        <translation>L&apos;identifiant ou le mot de passe du superviseur est incorrect.</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin can approve complimentary tickets.</source>
        <translation>Seul un superviseur ou un administrateur peut approuver des invitations.</translation>
    </message>
    <message>
        <source>That supervisor account is locked after too many failed sign-ins.</source>
        <translation>Ce compte de superviseur est verrouillé après trop d&apos;échecs de connexion.</translation>
    </message>
    <message>
        <source>The drawer does not hold enough cash for that change.</source>
        <translation>Le tiroir-caisse ne contient pas assez d&apos;espèces pour rendre cette monnaie.</translation>
    </message>
    <message>
        <source>That is more than what is still due.</source>
        <translation>C&apos;est plus que le montant restant dû.</translation>
    </message>
    <message>
        <source>Your shift is closed: open a new one to sell.</source>
        <translation>Votre session de caisse est clôturée&#xa0;: ouvrez-en une nouvelle pour vendre.</translation>
    </message>
    <message>
        <source>This event is sold in another currency than your shift&apos;s drawer.</source>
        <translation>Cet événement est vendu dans une autre devise que celle de votre tiroir-caisse.</translation>
    </message>
    <message>
        <source>The card terminal&apos;s answer is still unknown. Check the terminal, then press F9 to ask it again. The sale cannot finish or be cleared until then.</source>
        <translation>La réponse du terminal de paiement est toujours inconnue. Vérifiez le terminal, puis appuyez sur F9 pour l&apos;interroger à nouveau. D&apos;ici là, la vente ne peut être ni terminée ni vidée.</translation>
    </message>
    <message>
        <source>Saving failed (disk full or broken?). Nothing was lost; try again.</source>
        <translation>L&apos;enregistrement a échoué (disque plein ou défectueux&#xa0;?). Rien n&apos;a été perdu&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>That did not work: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Cela n&apos;a pas fonctionné&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Card DECLINED (%1). Ask for another card or take cash.</source>
        <extracomment>%1 is the terminal&apos;s reason.</extracomment>
        <translation>Carte REFUSÉE (%1). Demandez une autre carte ou prenez des espèces.</translation>
    </message>
    <message>
        <source>The card terminal did not answer in time; the payment was cancelled and nothing was charged. Try again or take cash.</source>
        <translation>Le terminal de paiement n&apos;a pas répondu à temps&#xa0;; le paiement a été annulé et rien n&apos;a été débité. Réessayez ou prenez des espèces.</translation>
    </message>
    <message>
        <source>The card terminal lost the connection; the payment was cancelled and nothing was charged. Try again or take cash.</source>
        <translation>Le terminal de paiement a perdu la connexion&#xa0;; le paiement a été annulé et rien n&apos;a été débité. Réessayez ou prenez des espèces.</translation>
    </message>
    <message>
        <source>The card terminal cannot be reached. Check its cable and power, or take cash.</source>
        <translation>Le terminal de paiement est injoignable. Vérifiez son câble et son alimentation, ou prenez des espèces.</translation>
    </message>
    <message>
        <source>Best available found seats outside this box office&apos;s allocation. Select seats on the map instead: those are sold through usherd.</source>
        <translation>«&#xa0;Meilleures places disponibles&#xa0;» a trouvé des places hors de l&apos;attribution de cette billetterie. Sélectionnez plutôt des places sur le plan&#xa0;: elles sont vendues via usherd.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket(s), through usherd)</source>
        <extracomment>%1 is a count of tickets, %2 an amount of money. The seats are held on usherd.</extracomment>
        <translation>
            <numerusform>&lt;b&gt;Total&#xa0;: %2&lt;/b&gt; (%n billet, via usherd)</numerusform>
            <numerusform>&lt;b&gt;Total&#xa0;: %2&lt;/b&gt; (%n billets, via usherd)</numerusform>
        </translation>
    </message>
    <message>
        <source>Take at least %1 in cash: a sale through usherd is paid in one go.</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Prenez au moins %1 en espèces&#xa0;: une vente via usherd se paie en une seule fois.</translation>
    </message>
    <message>
        <source>Asking usherd to sell the seats…</source>
        <translation>Demande à usherd de vendre les places…</translation>
    </message>
    <message>
        <source>Keep the cash until it is settled: press Enter to ask again.</source>
        <translation>Gardez les espèces jusqu&apos;au règlement&#xa0;: appuyez sur Entrée pour redemander.</translation>
    </message>
    <message>
        <source>Hand the cash back.</source>
        <translation>Rendez les espèces.</translation>
    </message>
    <message>
        <source>The drawer could not record it: %1</source>
        <translation>Le tiroir-caisse n&apos;a pas pu l&apos;enregistrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cart cleared: the seats were released on usherd.</source>
        <translation>Panier vidé&#xa0;: les places ont été libérées sur usherd.</translation>
    </message>
    <message>
        <source>Cart cleared. usherd did not confirm the release: its hold runs out by itself.</source>
        <translation>Panier vidé. usherd n&apos;a pas confirmé la libération&#xa0;: sa réservation expire d&apos;elle-même.</translation>
    </message>
    <message>
        <source>The hold on usherd expired: the seats went back on sale and the cart is empty.</source>
        <translation>La réservation sur usherd a expiré&#xa0;: les places sont remises en vente et le panier est vide.</translation>
    </message>
    <message>
        <source>Paid, but the sale could not be journaled for usherd, so no ticket was issued: %1 Press Enter to try again.</source>
        <extracomment>%1 why the sync outbox could not journal the sale.</extracomment>
        <translation>Payé, mais la vente n&apos;a pas pu être journalisée pour usherd, donc aucun billet n&apos;a été émis&#xa0;: %1 Appuyez sur Entrée pour réessayer.</translation>
    </message>
    <message>
        <source>Sync operation %1: it reaches usherd with the next upload.</source>
        <extracomment>%1 the sync operation&apos;s id (the order&apos;s reference on usherd is &quot;sync:&quot; and this id).</extracomment>
        <translation>Opération de synchronisation %1&#xa0;: elle atteindra usherd au prochain envoi.</translation>
    </message>
    <message>
        <source>usherd changed this event: the counter shows its new prices and times.</source>
        <translation>usherd a modifié cet événement&#xa0;: la caisse affiche ses nouveaux prix et horaires.</translation>
    </message>
    <message>
        <source>The card is already charged for these seats: press the card key to ask usherd again.</source>
        <translation>La carte est déjà débitée pour ces places&#xa0;: appuyez sur la touche carte pour redemander à usherd.</translation>
    </message>
    <message>
        <source>Seats sold through usherd are paid in cash or by card at the counter.</source>
        <translation>Les places vendues par usherd se paient en espèces ou par carte à la caisse.</translation>
    </message>
    <message>
        <source>Change due: %1.</source>
        <extracomment>%1 is the change due.</extracomment>
        <translation>Monnaie à rendre&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Asking usherd again to sell the seats…</source>
        <translation>Nouvelle demande de vente des places à usherd…</translation>
    </message>
    <message>
        <source>Waiting for the card terminal, then usherd…</source>
        <translation>Attente du terminal de paiement, puis d&apos;usherd…</translation>
    </message>
    <message>
        <source>Check payment %1 on the terminal and reverse it there if it went through.</source>
        <translation>Vérifiez le paiement %1 sur le terminal et annulez-le là s&apos;il a abouti.</translation>
    </message>
    <message>
        <source>The card is charged (%1): press the card key to ask usherd again; it never charges twice.</source>
        <extracomment>%1 is the card terminal&apos;s reference of the payment.</extracomment>
        <translation>La carte est débitée (%1)&#xa0;: appuyez sur la touche carte pour redemander à usherd&#xa0;; elle n&apos;est jamais débitée deux fois.</translation>
    </message>
    <message>
        <source>The card payment was reversed.</source>
        <translation>Le paiement par carte a été annulé.</translation>
    </message>
    <message>
        <source>The card payment %1 could not be reversed: reverse it on the terminal by hand.</source>
        <translation>Le paiement par carte %1 n&apos;a pas pu être annulé&#xa0;: annulez-le à la main sur le terminal.</translation>
    </message>
    <message>
        <source>Paid by card (%1).</source>
        <extracomment>%1 is the card terminal&apos;s reference of the payment.</extracomment>
        <translation>Payé par carte (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Sold through usherd: order %1, %n ticket(s). %3</source>
        <extracomment>%1 central&apos;s order number, %2 count of tickets, %3 how it was paid (change due, card reference).</extracomment>
        <translation>
            <numerusform>Vendu par usherd&#xa0;: commande %1, %n billet. %3</numerusform>
            <numerusform>Vendu par usherd&#xa0;: commande %1, %n billets. %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Tickets %1.</source>
        <extracomment>%1 where the tickets went (e.g. &quot;printed on Thermal-1&quot;).</extracomment>
        <translation>Billets %1.</translation>
    </message>
    <message>
        <source>usherd sent no ticket codes: print the tickets from usherd.</source>
        <translation>usherd n&apos;a envoyé aucun code de billet&#xa0;: imprimez les billets depuis usherd.</translation>
    </message>
    <message>
        <source>The tickets could not be issued: %1 Print them with Ctrl+P.</source>
        <extracomment>%1 the reason the tickets could not be printed or saved.</extracomment>
        <translation>Les billets n&apos;ont pas pu être émis&#xa0;: %1 Imprimez-les avec Ctrl+P.</translation>
    </message>
    <message>
        <source>The card is charged and usherd has not answered the sale yet: press the card key to ask usherd again before clearing the cart.</source>
        <translation>La carte est débitée et usherd n&apos;a pas encore répondu à la vente&#xa0;: appuyez sur la touche carte pour redemander à usherd avant de vider le panier.</translation>
    </message>
    <message>
        <source>Hold: ask usherd</source>
        <translation>Réservation&#xa0;: demander à usherd</translation>
    </message>
    <message>
        <source>Standing places (Ctrl+G)</source>
        <translation>Places debout (Ctrl+G)</translation>
    </message>
    <message>
        <source>The standing area to sell places of</source>
        <translation>La zone debout dont vendre des places</translation>
    </message>
    <message>
        <source>How many places; Enter adds them to the cart</source>
        <translation>Combien de places&#xa0;; Entrée les ajoute au panier</translation>
    </message>
    <message>
        <source>Add &amp;places</source>
        <translation>Ajouter des &amp;places</translation>
    </message>
    <message>
        <source>This event has no standing areas.</source>
        <translation>Cet événement n&apos;a pas de zone debout.</translation>
    </message>
    <message>
        <source>Held through usherd: these places are beyond this box office&apos;s allocation. Take the payment (cash or card); the sale counts once usherd confirms it.</source>
        <translation>Réservées via usherd&#xa0;: ces places dépassent l&apos;attribution de cette billetterie. Encaissez (espèces ou carte)&#xa0;; la vente compte dès qu&apos;usherd la confirme.</translation>
    </message>
    <message>
        <source>Held through usherd: these seats are not this box office&apos;s. Take the payment (cash or card); the sale counts once usherd confirms it.</source>
        <translation>Réservées via usherd&#xa0;: ces places n&apos;appartiennent pas à cette billetterie. Encaissez (espèces ou carte)&#xa0;; la vente compte dès qu&apos;usherd la confirme.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ScriptedMetricsFeed</name>
    <message>
        <source>scripted</source>
        <translation>scripté</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapLegend</name>
    <message>
        <source>selected</source>
        <translation>sélectionnée</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapMinimap</name>
    <message>
        <source>Overview of the venue</source>
        <translation>Vue d&apos;ensemble de la salle</translation>
    </message>
    <message>
        <source>Overview: click or drag to move the seat map</source>
        <translation>Vue d&apos;ensemble&#xa0;: cliquez ou faites glisser pour déplacer le plan de salle</translation>
    </message>
</context>
<context>
    <name>usher::ui::SeatMapRenderer</name>
    <message>
        <source>%1 of %2 left</source>
        <extracomment>A standing area on the seat map: %1 places left of %2.</extracomment>
        <translation>%1 sur %2 libres</translation>
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
        <translation>Les flèches passent d&apos;une place à l&apos;autre, Espace sélectionne, Page préc. et Page suiv. changent de secteur, plus et moins zooment.</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>sélectionnée</translation>
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
        <translation>%1, rang %2, place %3, %4, %5, %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, row %2, seat %3&lt;/b&gt;</source>
        <extracomment>Seat tooltip, first line: section, row, seat.</extracomment>
        <translation>&lt;b&gt;%1, rang %2, place %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <extracomment>Seat tooltip: a hold&apos;s state and when it runs out, e.g. &quot;held by someone else until 20:31&quot;.</extracomment>
        <translation>%1 jusqu&apos;à %2</translation>
    </message>
    <message>
        <source>%1 (selected)</source>
        <extracomment>Seat tooltip: the seat&apos;s state, then that it is in the selection.</extracomment>
        <translation>%1 (sélectionnée)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;standing: %2 of %3 places left</source>
        <extracomment>Standing area tooltip: %1 the area, %2 places left, %3 the capacity.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;places debout libres&#xa0;: %2 sur %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 seats available</source>
        <extracomment>Section tooltip: %1 the section, %2 seats available to sell, %3 seats in all.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;places disponibles&#xa0;: %2 sur %3</translation>
    </message>
    <message>
        <source>Selected %1.</source>
        <extracomment>Announced to screen readers: %1 describes the seat.</extracomment>
        <translation>%1 sélectionnée.</translation>
    </message>
    <message>
        <source>Deselected %1.</source>
        <translation>%1 désélectionnée.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) added to the selection.</source>
        <translation>
            <numerusform>%n place ajoutée à la sélection.</numerusform>
            <numerusform>%n places ajoutées à la sélection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) removed from the selection.</source>
        <translation>
            <numerusform>%n place retirée de la sélection.</numerusform>
            <numerusform>%n places retirées de la sélection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n seat(s) selected.</source>
        <extracomment>Announced to screen readers after a selection change: %1 what changed, then the total.</extracomment>
        <translation>
            <numerusform>%1 %n place sélectionnée.</numerusform>
            <numerusform>%1 %n places sélectionnées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;row</source>
        <translation>Sélectionner le &amp;rang</translation>
    </message>
    <message>
        <source>Select &amp;section</source>
        <translation>Sélectionner le &amp;secteur</translation>
    </message>
    <message>
        <source>&amp;Zoom to section</source>
        <translation>&amp;Zoomer sur le secteur</translation>
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
        <translation>Secteur %1</translation>
    </message>
    <message>
        <source>%1, row %2, seat %3</source>
        <translation>%1, rang %2, place %3</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>pas en vente</translation>
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
<context>
    <name>usher::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <extracomment>%1 is the system&apos;s language in that language, e.g. &quot;Deutsch&quot;.</extracomment>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language takes effect when Usher starts again.</source>
        <translation>Une nouvelle langue prend effet au prochain démarrage d&apos;Usher.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ShiftCloseDialog</name>
    <message>
        <source>Close the shift</source>
        <translation>Clôturer la session de caisse</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer, float included, and enter the total. The Z report then shows what the drawer should hold and the difference. Closing cannot be undone: the shift takes no more sales.</source>
        <translation>Comptez chaque billet et chaque pièce du tiroir-caisse, fonds de caisse compris, et saisissez le total. Le rapport Z indique alors ce que le tiroir devrait contenir et l&apos;écart. La clôture est définitive&#xa0;: la session n&apos;accepte plus de ventes.</translation>
    </message>
    <message>
        <source>e.g. 250.00</source>
        <translation>p. ex. 250,00</translation>
    </message>
    <message>
        <source>&amp;Counted cash (%1):</source>
        <translation>Espèces &amp;comptées (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Close &amp;shift</source>
        <translation>Clô&amp;turer la session</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter the counted cash as an amount, e.g. 250.00.</source>
        <translation>Saisissez les espèces comptées sous forme de montant, p. ex. 250,00.</translation>
    </message>
    <message>
        <source>Close the shift with %1 counted? This cannot be undone.</source>
        <translation>Clôturer la session avec %1 comptés&#xa0;? Cette action est définitive.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ShiftReportDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>Imprimer le rapport (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Enregistrer en &amp;CSV…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>Enregistrer le rapport en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>Envoyé à l&apos;imprimante %1.</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>L&apos;impression a échoué.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SignInPage</name>
    <message>
        <source>Sign in to the box office</source>
        <translation>Connexion à la billetterie</translation>
    </message>
    <message>
        <source>This box office has no account yet. Create the administrator&apos;s account first; it can sell at the counter and open every view.</source>
        <translation>Cette billetterie n&apos;a encore aucun compte. Créez d&apos;abord le compte administrateur&#xa0;; il peut vendre à la caisse et ouvrir toutes les vues.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Répéter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Create the administrator account</source>
        <translation>Créer le compte administrateur</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>Cré&amp;er et se connecter</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Saisissez votre identifiant.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Saisissez le nom de l&apos;administrateur.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Le mot de passe doit contenir au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>Les deux mots de passe diffèrent. Saisissez à nouveau le mot de passe.</translation>
    </message>
</context>
<context>
    <name>usher::ui::StaffDialog</name>
    <message>
        <source>Clerk</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>Organisateur</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Compte sélectionné</translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation>Nouveau mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>Set password and &amp;unlock</source>
        <translation>Définir le mot de passe et &amp;déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Dés&amp;activer</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>lower-case letters, digits, . - _</source>
        <translation>minuscules, chiffres, . - _</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Répéter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Créer le compte</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <extracomment>%1 is a time of day.</extracomment>
        <translation>verrouillé jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only, a name is required, and a password needs 8 to 256 bytes.</source>
        <translation>Un identifiant ne contient que des minuscules, des chiffres, «&#xa0;.&#xa0;», «&#xa0;-&#xa0;» et «&#xa0;_&#xa0;», un nom est obligatoire et un mot de passe doit compter de 8 à 256 octets.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>Les deux mots de passe diffèrent. Saisissez à nouveau le mot de passe.</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <extracomment>%1 is a login.</extracomment>
        <translation>Compte %1 créé.</translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation>Compte %1 activé.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Compte %1 désactivé.</translation>
    </message>
    <message>
        <source>New password set for %1; the account is unlocked.</source>
        <translation>Nouveau mot de passe défini pour %1&#xa0;; le compte est déverrouillé.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncEnrolDialog</name>
    <message>
        <source>Enrol this box office with usherd</source>
        <translation>Enregistrer cette billetterie auprès d&apos;usherd</translation>
    </message>
    <message>
        <source>An administrator creates this box office as a device in usherd and gives you its name, token and channel.</source>
        <translation>Un administrateur crée cette billetterie comme appareil dans usherd et vous donne son nom, son jeton et son canal.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Appareil&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncPendingDialog</name>
    <message>
        <source>Operations for usherd</source>
        <translation>Opérations pour usherd</translation>
    </message>
    <message>
        <source>&amp;Pending only</source>
        <translation>En &amp;attente uniquement</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Séq.</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>not applied here yet</source>
        <translation>pas encore appliquée ici</translation>
    </message>
    <message>
        <source>void (refused here), acknowledged</source>
        <translation>nulle (refusée ici), acquittée</translation>
    </message>
    <message>
        <source>void (refused here), pending</source>
        <translation>nulle (refusée ici), en attente</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>rejected by usherd: %1</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>refusée par usherd&#xa0;: %1</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acquittée</translation>
    </message>
    <message>
        <source>Could not read the outbox: %1</source>
        <extracomment>%1 is the reason.</extracomment>
        <translation>Impossible de lire la file d&apos;envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing is waiting for usherd.</source>
        <translation>Rien n&apos;attend usherd.</translation>
    </message>
    <message>
        <source>No operation was made here yet.</source>
        <translation>Aucune opération n&apos;a encore été faite ici.</translation>
    </message>
    <message>
        <source>The first %1 are shown; the export has all of them.</source>
        <extracomment>%1 is a number of rows.</extracomment>
        <translation>Les %1 premières sont affichées&#xa0;; l&apos;export les contient toutes.</translation>
    </message>
    <message numerus="yes">
        <source>%n operations shown.</source>
        <translation>
            <numerusform>%n opération affichée.</numerusform>
            <numerusform>%n opérations affichées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export the operations</source>
        <translation>Exporter les opérations</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <extracomment>%1 is a file.</extracomment>
        <translation>Exporté vers %1.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncStatusWidget</name>
    <message>
        <source>Pending…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>Show the operations waiting for usherd</source>
        <translation>Afficher les opérations en attente d&apos;usherd</translation>
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
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Pas de synchronisation</translation>
    </message>
    <message>
        <source>Refused by usherd</source>
        <translation>Refusé par usherd</translation>
    </message>
    <message>
        <source>Offline (paused)</source>
        <translation>Hors ligne (en pause)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisé</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n pending, oldest %2</source>
        <extracomment>%1 is the state, %n the number of operations, %2 the age of the oldest (&quot;3 min&quot;).</extracomment>
        <translation>
            <numerusform>%1 · %n en attente, la plus ancienne %2</numerusform>
            <numerusform>%1 · %n en attente, la plus ancienne %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n rejected</source>
        <extracomment>%1 is the rest of the status line, %n the number of operations usherd refused.</extracomment>
        <translation>
            <numerusform>%1 · %n refusée</numerusform>
            <numerusform>%1 · %n refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>usherd: %1</source>
        <extracomment>%1 is an address such as wss://tickets.example.org:8443/sync.</extracomment>
        <translation>usherd&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n connection attempts failed in a row.</source>
        <translation>
            <numerusform>%n tentative de connexion a échoué.</numerusform>
            <numerusform>%n tentatives de connexion consécutives ont échoué.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every seat can be sold: this box office&apos;s allocation here, the rest through usherd.</source>
        <translation>Toutes les places peuvent être vendues&#xa0;: l&apos;attribution de cette billetterie ici, le reste via usherd.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold. They upload when the connection is back.</source>
        <translation>usherd est injoignable&#xa0;: seules les places attribuées à cette billetterie peuvent être vendues. Elles sont envoyées dès le retour de la connexion.</translation>
    </message>
    <message numerus="yes">
        <source>usherd refused %n operations: open the pending operations to see them.</source>
        <translation>
            <numerusform>usherd a refusé %n opération&#xa0;: ouvrez les opérations en attente pour la voir.</numerusform>
            <numerusform>usherd a refusé %n opérations&#xa0;: ouvrez les opérations en attente pour les voir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n allocation changes from usherd could not be applied here: tell an administrator.</source>
        <translation>
            <numerusform>%n modification d&apos;attribution venant d&apos;usherd n&apos;a pas pu être appliquée ici&#xa0;: prévenez un administrateur.</numerusform>
            <numerusform>%n modifications d&apos;attribution venant d&apos;usherd n&apos;ont pas pu être appliquées ici&#xa0;: prévenez un administrateur.</numerusform>
        </translation>
    </message>
    <message>
        <source>The box office is not syncing with usherd.</source>
        <translation>La billetterie ne se synchronise pas avec usherd.</translation>
    </message>
    <message>
        <source>This box office is not enrolled with usherd (Sync ▸ Enrol with usherd).</source>
        <translation>Cette billetterie n&apos;est pas enregistrée auprès d&apos;usherd (Synchro ▸ Enregistrer auprès d&apos;usherd).</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchro</translation>
    </message>
    <message>
        <source>&amp;Pending operations…</source>
        <translation>Opérations en &amp;attente…</translation>
    </message>
    <message>
        <source>&amp;Enrol with usherd…</source>
        <translation>&amp;Enregistrer auprès d&apos;usherd…</translation>
    </message>
</context>
<context>
    <name>usher::ui::UserGuideWindow</name>
    <message>
        <source>%1 is not part of the built-in guide: it is in the docs folder of Usher&apos;s sources.</source>
        <extracomment>%1 is a file name such as docs/venue-format.md.</extracomment>
        <translation>%1 ne fait pas partie du guide intégré&#xa0;: il se trouve dans le dossier docs des sources d&apos;Usher.</translation>
    </message>
    <message>
        <source>Usher user guide</source>
        <translation>Guide d&apos;utilisation d&apos;Usher</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Table des matières</translation>
    </message>
</context>
<context>
    <name>usher::ui::UsherdMetricsFeed</name>
    <message>
        <source>usherd answered %1.</source>
        <extracomment>%1 is an HTTP status code, %2 the server&apos;s explanation.</extracomment>
        <translation>usherd a répondu %1.</translation>
    </message>
    <message>
        <source>usherd answered %1: %2</source>
        <translation>usherd a répondu %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>usherd %1</source>
        <extracomment>%1 is host:port.</extracomment>
        <translation>usherd %1</translation>
    </message>
    <message>
        <source>usherd cannot be reached: %1</source>
        <extracomment>%1 is the reason, e.g. &quot;Connection refused&quot;.</extracomment>
        <translation>usherd est injoignable&#xa0;: %1</translation>
    </message>
    <message>
        <source>usherd applied the change.</source>
        <translation>usherd a appliqué la modification.</translation>
    </message>
    <message>
        <source>this event&apos;s seats (sales and revenue need a staff token); 409s and 429s: server-wide</source>
        <translation>places de cet événement (ventes et recettes nécessitent un jeton du personnel)&#xa0;; 409 et 429&#xa0;: tout le serveur</translation>
    </message>
    <message>
        <source>this event (reading its orders: %1 so far); 409s and 429s: server-wide</source>
        <extracomment>%1 is a number of orders.</extracomment>
        <translation>cet événement (lecture de ses commandes&#xa0;: %1 jusqu&apos;ici)&#xa0;; 409 et 429&#xa0;: tout le serveur</translation>
    </message>
    <message>
        <source>this event, from its seats and orders; 409s and 429s: server-wide</source>
        <translation>cet événement, d&apos;après ses places et commandes&#xa0;; 409 et 429&#xa0;: tout le serveur</translation>
    </message>
</context>
<context>
    <name>usher::ui::VenueDesigner</name>
    <message>
        <source>Left to right (1 2 3)</source>
        <translation>De gauche à droite (1 2 3)</translation>
    </message>
    <message>
        <source>Right to left (3 2 1)</source>
        <translation>De droite à gauche (3 2 1)</translation>
    </message>
    <message>
        <source>Odd (1 3 5)</source>
        <translation>Impairs (1 3 5)</translation>
    </message>
    <message>
        <source>Even (2 4 6)</source>
        <translation>Pairs (2 4 6)</translation>
    </message>
    <message>
        <source>Odd/even from the centre (5 3 1 2 4)</source>
        <translation>Impairs/pairs depuis le centre (5 3 1 2 4)</translation>
    </message>
    <message>
        <source>Duplicate label</source>
        <translation>Libellé en double</translation>
    </message>
    <message>
        <source>Overlapping seats</source>
        <translation>Places qui se chevauchent</translation>
    </message>
    <message>
        <source>Duplicate row</source>
        <translation>Rang en double</translation>
    </message>
    <message>
        <source>Duplicate section</source>
        <translation>Secteur en double</translation>
    </message>
    <message>
        <source>Duplicate category</source>
        <translation>Catégorie en double</translation>
    </message>
    <message>
        <source>Empty section</source>
        <translation>Secteur vide</translation>
    </message>
    <message>
        <source>Nothing to sell</source>
        <translation>Rien à vendre</translation>
    </message>
    <message>
        <source>Missing name</source>
        <translation>Nom manquant</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Zone debout</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Text too long</source>
        <translation>Texte trop long</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>Nouvelle salle</translation>
    </message>
    <message>
        <source>Category A</source>
        <translation>Catégorie A</translation>
    </message>
    <message>
        <source>Category B</source>
        <translation>Catégorie B</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Salle</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>&amp;Rangs</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Places</translation>
    </message>
    <message>
        <source>&amp;Areas &amp;&amp; stage</source>
        <translation>&amp;Zones &amp;&amp; scène</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Delete seats</source>
        <translation>Supprimer des places</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Use for an event</source>
        <translation>Utiliser pour un événement</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>Vi&amp;lle&#xa0;:</translation>
    </message>
    <message>
        <source>Rename the venue</source>
        <translation>Renommer la salle</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <source>Section name, e.g. Stalls</source>
        <translation>Nom du secteur, p. ex. Orchestre</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Renommer le secteur</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>Supprimer le secteur</translation>
    </message>
    <message>
        <source>Price categories</source>
        <translation>Catégories de prix</translation>
    </message>
    <message>
        <source>Category name, e.g. Premium</source>
        <translation>Nom de la catégorie, p. ex. Premium</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Ajouter une catégorie</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Catégorie %1</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>S&amp;ection:</source>
        <translation>Secte&amp;ur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Rangs&#xa0;:</translation>
    </message>
    <message>
        <source>Seats per &amp;row:</source>
        <translation>Places par ra&amp;ng&#xa0;:</translation>
    </message>
    <message>
        <source>Seat spacing:</source>
        <translation>Espacement des places&#xa0;:</translation>
    </message>
    <message>
        <source>Row spacing:</source>
        <translation>Espacement des rangs&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;urvature:</source>
        <translation>&amp;Courbure&#xa0;:</translation>
    </message>
    <message>
        <source>Ro&amp;tation:</source>
        <translation>Ro&amp;tation&#xa0;:</translation>
    </message>
    <message>
        <source>Centre of the first row (x, y):</source>
        <translation>Centre du premier rang (x, y)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;First row:</source>
        <translation>Premier ran&amp;g&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Numbering:</source>
        <translation>Numérotati&amp;on&#xa0;:</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Premier numéro&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>Pré&amp;fixe&#xa0;:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Catégor&amp;ie&#xa0;:</translation>
    </message>
    <message>
        <source>Live preview on the map</source>
        <translation>Aperçu en direct sur le plan</translation>
    </message>
    <message>
        <source>&amp;Add rows</source>
        <translation>&amp;Ajouter les rangs</translation>
    </message>
    <message>
        <source>Click seats to select them, Shift+drag for a rectangle, double-click for a row.</source>
        <translation>Cliquez sur des places pour les sélectionner, Maj+glisser pour un rectangle, double-clic pour un rang.</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Catégorie de prix</translation>
    </message>
    <message>
        <source>&amp;Paint</source>
        <translation>Pei&amp;ndre</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Fauteuil roulant</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Accompagnateur</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Visibilité réduite</translation>
    </message>
    <message>
        <source>Aisle</source>
        <translation>Allée</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Définir</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Renumber the selected rows</source>
        <translation>Renuméroter les rangs sélectionnés</translation>
    </message>
    <message>
        <source>Renumber</source>
        <translation>Renuméroter</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Schéma&#xa0;:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Préfixe&#xa0;:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Rename row</source>
        <translation>Renommer le rang</translation>
    </message>
    <message>
        <source>&amp;Delete the selected seats</source>
        <translation>Suppri&amp;mer les places sélectionnées</translation>
    </message>
    <message>
        <source>Standing areas</source>
        <translation>Zones debout</translation>
    </message>
    <message>
        <source>e.g. Standing</source>
        <translation>p. ex. Debout</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité&#xa0;:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>Change standing area</source>
        <translation>Modifier la zone debout</translation>
    </message>
    <message>
        <source>Delete standing area</source>
        <translation>Supprimer la zone debout</translation>
    </message>
    <message>
        <source>Stage or focal point</source>
        <translation>Scène ou point focal</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>Set stage</source>
        <translation>Placer la scène</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Libellé&#xa0;:</translation>
    </message>
    <message>
        <source>Front centre (x, y):</source>
        <translation>Centre avant (x, y)&#xa0;:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Largeur&#xa0;:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Profondeur&#xa0;:</translation>
    </message>
    <message>
        <source>Check the design before you export it.</source>
        <translation>Vérifiez le plan avant de l&apos;exporter.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Ajouter un secteur</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Secteur %1</translation>
    </message>
    <message numerus="yes">
        <source>Add %n row(s)</source>
        <translation>
            <numerusform>Ajouter %n rang</numerusform>
            <numerusform>Ajouter %n rangs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paint %n seat(s)</source>
        <translation>
            <numerusform>Peindre %n place</numerusform>
            <numerusform>Peindre %n places</numerusform>
        </translation>
    </message>
    <message>
        <source>Set flags</source>
        <translation>Définir les attributs</translation>
    </message>
    <message>
        <source>Clear flags</source>
        <translation>Effacer les attributs</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n seat(s)</source>
        <translation>
            <numerusform>Supprimer %n place</numerusform>
            <numerusform>Supprimer %n places</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Debout</translation>
    </message>
    <message>
        <source>Add standing area</source>
        <translation>Ajouter une zone debout</translation>
    </message>
    <message>
        <source>%1 · rows: %L2 · seats: %L3</source>
        <translation>%1 · rangs&#xa0;: %L2 · places&#xa0;: %L3</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (clé %2)</translation>
    </message>
    <message>
        <source>%1 · seats: %L2 · sections: %L3 · standing places: %L4</source>
        <translation>%1 · places assises&#xa0;: %L2 · secteurs&#xa0;: %L3 · places debout&#xa0;: %L4</translation>
    </message>
    <message>
        <source>No seats selected.</source>
        <translation>Aucune place sélectionnée.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) selected in %1 row(s).</source>
        <translation>
            <numerusform>%Ln place sélectionnée (rangs&#xa0;: %1).</numerusform>
            <numerusform>%Ln places sélectionnées (rangs&#xa0;: %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a section first (Venue tab).</source>
        <translation>Ajoutez d&apos;abord un secteur (onglet Salle).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Select to show the %n seat(s) on the map</source>
        <translation>
            <numerusform>Sélectionnez pour afficher la place sur le plan</numerusform>
            <numerusform>Sélectionnez pour afficher les %n places sur le plan</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the venue can be exported.</source>
        <translation>Aucun problème&#xa0;: la salle peut être exportée.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before the venue can be saved. Select one to see its seats.</source>
        <translation>
            <numerusform>%n problème à corriger avant de pouvoir enregistrer la salle. Sélectionnez-le pour voir ses places.</numerusform>
            <numerusform>%n problèmes à corriger avant de pouvoir enregistrer la salle. Sélectionnez-en un pour voir ses places.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue files (*.json)</source>
        <translation>Fichiers de salle (*.json)</translation>
    </message>
    <message>
        <source>Venue files (*.json *.csv)</source>
        <translation>Fichiers de salle (*.json *.csv)</translation>
    </message>
    <message>
        <source>Export venue</source>
        <translation>Exporter la salle</translation>
    </message>
    <message>
        <source>Import venue</source>
        <translation>Importer une salle</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>L&apos;import a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>L&apos;export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <source>The venue cannot be saved: %1</source>
        <translation>La salle ne peut pas être enregistrée&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln place(s)</source>
        <translation>
            <numerusform>%1 — %Ln place</numerusform>
            <numerusform>%1 — %Ln places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::VoidDialog</name>
    <message>
        <source>Void order %1</source>
        <translation>Annuler la commande %1</translation>
    </message>
    <message>
        <source>A void cancels the whole order sold in this shift: every ticket stops being valid and the money goes back exactly as it was paid (cash from the drawer, card payments reversed on the terminal).</source>
        <translation>Une annulation annule toute la commande vendue pendant cette session&#xa0;: chaque billet cesse d&apos;être valable et l&apos;argent est rendu exactement comme il a été payé (espèces du tiroir-caisse, paiements par carte extournés sur le terminal).</translation>
    </message>
    <message>
        <source>Required, e.g. wrong date sold</source>
        <translation>Obligatoire, p. ex. mauvaise date vendue</translation>
    </message>
    <message>
        <source>Supervisor lo&amp;gin:</source>
        <translation>Identifiant du super&amp;viseur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Void order</source>
        <translation>&amp;Annuler la commande</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This order cannot be voided: only an order sold at this counter in your open shift, with every ticket still valid, can be. Refund it instead.</source>
        <translation>Cette commande ne peut pas être annulée&#xa0;: seule une commande vendue à cette caisse pendant votre session ouverte, dont tous les billets sont encore valables, peut l&apos;être. Remboursez-la plutôt.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s), %1 in all, sale %2.</source>
        <translation>
            <numerusform>%n billet, %1 au total, vente %2.</numerusform>
            <numerusform>%n billets, %1 au total, vente %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash: hand %1 back from the drawer.</source>
        <translation>Espèces&#xa0;: rendez %1 depuis le tiroir-caisse.</translation>
    </message>
    <message>
        <source>Card: %1 reversed on the terminal (payment %2).</source>
        <translation>Carte&#xa0;: %1 extourné sur le terminal (paiement %2).</translation>
    </message>
    <message>
        <source>%1: %2 written back.</source>
        <translation>%1&#xa0;: %2 recrédité.</translation>
    </message>
    <message>
        <source>Void the whole order %1? This cannot be undone.</source>
        <translation>Annuler toute la commande %1&#xa0;? Cette action est définitive.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 is void: %n ticket(s) no longer valid.</source>
        <translation>
            <numerusform>La commande %1 est annulée&#xa0;: %n billet n&apos;est plus valable.</numerusform>
            <numerusform>La commande %1 est annulée&#xa0;: %n billets ne sont plus valables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand %1 in cash to the customer.</source>
        <translation>Remettez %1 en espèces au client.</translation>
    </message>
    <message>
        <source>%1 reversed on the card.</source>
        <translation>%1 extourné sur la carte.</translation>
    </message>
    <message>
        <source>The tickets are void, but the terminal did not reverse %1 (payment %2). Refund it on the terminal by hand or pay it in cash (Cash out, with the payment reference as the note).</source>
        <translation>Les billets sont annulés, mais le terminal n&apos;a pas extourné %1 (paiement %2). Remboursez-le à la main sur le terminal ou payez-le en espèces (Sortie d&apos;espèces, avec la référence du paiement comme note).</translation>
    </message>
    <message>
        <source>Nothing was voided: the void could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the void.</extracomment>
        <translation>Rien n&apos;a été annulé&#xa0;: l&apos;annulation n&apos;a pas pu être journalisée pour usherd&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::WaitingRoomChanges</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>Waiting room on</source>
        <translation>Salle d&apos;attente activée</translation>
    </message>
    <message>
        <source>Waiting room off</source>
        <translation>Salle d&apos;attente désactivée</translation>
    </message>
    <message>
        <source>Drain rate %1/s</source>
        <translation>Débit d&apos;admission %1/s</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rendu</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Waiting-room changes recorded by %1.</source>
        <translation>Modifications de la salle d&apos;attente enregistrées par %1.</translation>
    </message>
    <message>
        <source>usherd&apos;s waiting-room changes are not available: HTTP %1: %2</source>
        <translation>Les modifications de la salle d&apos;attente d&apos;usherd ne sont pas disponibles&#xa0;: HTTP %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>usherd&apos;s waiting-room changes are not available: %1</source>
        <translation>Les modifications de la salle d&apos;attente d&apos;usherd ne sont pas disponibles&#xa0;: %1</translation>
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
        <translation>Appliquée</translation>
    </message>
    <message>
        <source>Refused (HTTP %1)</source>
        <translation>Refusée (HTTP %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting-room change(s) recorded by %1.</source>
        <translation>
            <numerusform>%Ln modification de la salle d&apos;attente enregistrée par %1.</numerusform>
            <numerusform>%Ln modifications de la salle d&apos;attente enregistrées par %1.</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AfterSale</name>
    <message>
        <source>staff %1</source>
        <translation>staff %1</translation>
    </message>
    <message>
        <source>Seat not sold</source>
        <translation>Seat not sold</translation>
    </message>
    <message>
        <source>This seat is not sold: there is no order to show.</source>
        <translation>This seat is not sold: there is no order to show.</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X report</translation>
    </message>
</context>
<context>
    <name>AfterSaleForm</name>
    <message>
        <source>Supervisor pass&amp;word:</source>
        <translation>Supervisor pass&amp;word:</translation>
    </message>
    <message>
        <source>Above %1: a supervisor must sign in to approve.</source>
        <translation>Above %1: a supervisor must sign in to approve.</translation>
    </message>
    <message>
        <source>No supervisor needed up to %1.</source>
        <translation>No supervisor needed up to %1.</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>AfterSaleText</name>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Some of the details are missing or not valid.</source>
        <translation>Some of the details are missing or not valid.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s login or password is wrong.</source>
        <translation>The supervisor&apos;s login or password is wrong.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s account is locked after too many failed sign-ins.</source>
        <translation>The supervisor&apos;s account is locked after too many failed sign-ins.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s account is disabled.</source>
        <translation>The supervisor&apos;s account is disabled.</translation>
    </message>
    <message>
        <source>The account exists already.</source>
        <translation>The account exists already.</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>No such account.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Your account may not do this.</translation>
    </message>
    <message>
        <source>A supervisor must sign in to approve this.</source>
        <translation>A supervisor must sign in to approve this.</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>No shift is open.</translation>
    </message>
    <message>
        <source>A shift is open already.</source>
        <translation>A shift is open already.</translation>
    </message>
    <message>
        <source>The shift is closed.</source>
        <translation>The shift is closed.</translation>
    </message>
    <message>
        <source>The event is sold in another currency than the shift&apos;s.</source>
        <translation>The event is sold in another currency than the shift&apos;s.</translation>
    </message>
    <message>
        <source>The drawer does not hold that much cash.</source>
        <translation>The drawer does not hold that much cash.</translation>
    </message>
    <message>
        <source>This is not possible in the order&apos;s current state.</source>
        <translation>This is not possible in the order&apos;s current state.</translation>
    </message>
    <message>
        <source>Not paid in full yet.</source>
        <translation>Not paid in full yet.</translation>
    </message>
    <message>
        <source>More than is due.</source>
        <translation>More than is due.</translation>
    </message>
    <message>
        <source>The card terminal declined.</source>
        <translation>The card terminal declined.</translation>
    </message>
    <message>
        <source>The card terminal&apos;s answer is not known.</source>
        <translation>The card terminal&apos;s answer is not known.</translation>
    </message>
    <message>
        <source>No card terminal can be reached.</source>
        <translation>No card terminal can be reached.</translation>
    </message>
    <message>
        <source>The change could not be saved (storage failure). Nothing was done; try again.</source>
        <translation>The change could not be saved (storage failure). Nothing was done; try again.</translation>
    </message>
    <message>
        <source>Unexpected error %1.</source>
        <translation>Unexpected error %1.</translation>
    </message>
    <message>
        <source>The order does not exist.</source>
        <translation>The order does not exist.</translation>
    </message>
    <message>
        <source>The ticket is not part of the order.</source>
        <translation>The ticket is not part of the order.</translation>
    </message>
    <message>
        <source>The ticket is no longer valid (refunded, voided or reissued).</source>
        <translation>The ticket is no longer valid (refunded, voided or reissued).</translation>
    </message>
    <message>
        <source>The seat is not available any more.</source>
        <translation>The seat is not available any more.</translation>
    </message>
    <message>
        <source>No such seat.</source>
        <translation>No such seat.</translation>
    </message>
    <message>
        <source>The event is busy; try again in a moment.</source>
        <translation>The event is busy; try again in a moment.</translation>
    </message>
    <message>
        <source>The engine could not save the change; try again.</source>
        <translation>The engine could not save the change; try again.</translation>
    </message>
    <message>
        <source>The engine refused: %1.</source>
        <translation>The engine refused: %1.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>still pending</source>
        <translation>still pending</translation>
    </message>
    <message>
        <source>unknown to the terminal</source>
        <translation>unknown to the terminal</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>garbled answer</source>
        <translation>garbled answer</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
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
    <message>
        <source>Theatre</source>
        <translation>Theatre</translation>
    </message>
    <message>
        <source>Jazz</source>
        <translation>Jazz</translation>
    </message>
    <message>
        <source>Creating the demo staff accounts failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Creating the demo staff accounts failed: %1.</translation>
    </message>
</context>
<context>
    <name>DeviceCredentials</name>
    <message>
        <source>The device file %1 is not a JSON object: %2</source>
        <extracomment>%1 is a file, %2 what the JSON parser says.</extracomment>
        <translation>The device file %1 is not a JSON object: %2</translation>
    </message>
    <message>
        <source>The device file %1 has a missing or invalid “%2”.</source>
        <extracomment>%1 is a file, %2 a field name.</extracomment>
        <translation>The device file %1 has a missing or invalid “%2”.</translation>
    </message>
    <message>
        <source>The device file %1 is not valid: %2</source>
        <extracomment>%1 is a file, %2 what is wrong.</extracomment>
        <translation>The device file %1 is not valid: %2</translation>
    </message>
    <message>
        <source>Could not read the device file %1: %2</source>
        <translation>Could not read the device file %1: %2</translation>
    </message>
    <message>
        <source>The device file %1 is not a regular file owned by this user: refusing to use its token.</source>
        <translation>The device file %1 is not a regular file owned by this user: refusing to use its token.</translation>
    </message>
    <message>
        <source>The device file %1 is readable by other users and its permissions could not be set to 0600 (%2): refusing to use its token.</source>
        <translation>The device file %1 is readable by other users and its permissions could not be set to 0600 (%2): refusing to use its token.</translation>
    </message>
    <message>
        <source>The device file %1 was readable by other users; its permissions are now 0600. Its token may have been read: consider enrolling the device again.</source>
        <translation>The device file %1 was readable by other users; its permissions are now 0600. Its token may have been read: consider enrolling the device again.</translation>
    </message>
    <message>
        <source>This box office is not enrolled with usherd (no %1).</source>
        <translation>This box office is not enrolled with usherd (no %1).</translation>
    </message>
    <message>
        <source>The device file %1 is a symbolic link: refusing to use it.</source>
        <translation>The device file %1 is a symbolic link: refusing to use it.</translation>
    </message>
    <message>
        <source>The device file %1 is larger than 64 KiB.</source>
        <translation>The device file %1 is larger than 64 KiB.</translation>
    </message>
    <message>
        <source>Could not write the device file %1: %2</source>
        <translation>Could not write the device file %1: %2</translation>
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
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>the request is not valid</source>
        <translation>the request is not valid</translation>
    </message>
    <message>
        <source>the request id was already used for another request</source>
        <translation>the request id was already used for another request</translation>
    </message>
    <message>
        <source>no such sales channel</source>
        <translation>no such sales channel</translation>
    </message>
    <message>
        <source>no such seat</source>
        <translation>no such seat</translation>
    </message>
    <message>
        <source>no such standing area</source>
        <translation>no such standing area</translation>
    </message>
    <message>
        <source>no such price category</source>
        <translation>no such price category</translation>
    </message>
    <message>
        <source>no such price type</source>
        <translation>no such price type</translation>
    </message>
    <message>
        <source>the reservation no longer exists</source>
        <translation>the reservation no longer exists</translation>
    </message>
    <message>
        <source>no such order</source>
        <translation>no such order</translation>
    </message>
    <message>
        <source>no such ticket</source>
        <translation>no such ticket</translation>
    </message>
    <message>
        <source>not allowed for this user</source>
        <translation>not allowed for this user</translation>
    </message>
    <message>
        <source>the reservation belongs to someone else</source>
        <translation>the reservation belongs to someone else</translation>
    </message>
    <message>
        <source>not for sale on this channel</source>
        <translation>not for sale on this channel</translation>
    </message>
    <message>
        <source>too many tickets for one order</source>
        <translation>too many tickets for one order</translation>
    </message>
    <message>
        <source>not on sale at this time</source>
        <translation>not on sale at this time</translation>
    </message>
    <message>
        <source>the reservation has expired</source>
        <translation>the reservation has expired</translation>
    </message>
    <message>
        <source>the seat is no longer available</source>
        <translation>the seat is no longer available</translation>
    </message>
    <message>
        <source>not enough places left in the standing area</source>
        <translation>not enough places left in the standing area</translation>
    </message>
    <message>
        <source>no seats together are left</source>
        <translation>no seats together are left</translation>
    </message>
    <message>
        <source>the seat is not blocked</source>
        <translation>the seat is not blocked</translation>
    </message>
    <message>
        <source>the seat is not allocated to this channel</source>
        <translation>the seat is not allocated to this channel</translation>
    </message>
    <message>
        <source>a payment is still pending</source>
        <translation>a payment is still pending</translation>
    </message>
    <message>
        <source>no payment is pending</source>
        <translation>no payment is pending</translation>
    </message>
    <message>
        <source>the ticket was already refunded or exchanged</source>
        <translation>the ticket was already refunded or exchanged</translation>
    </message>
    <message>
        <source>the amount is more than was paid</source>
        <translation>the amount is more than was paid</translation>
    </message>
    <message>
        <source>the amount differs from the prices</source>
        <translation>the amount differs from the prices</translation>
    </message>
    <message>
        <source>the engine is busy, try again</source>
        <translation>the engine is busy, try again</translation>
    </message>
    <message>
        <source>the data could not be saved</source>
        <translation>the data could not be saved</translation>
    </message>
    <message>
        <source>the data store is not available</source>
        <translation>the data store is not available</translation>
    </message>
    <message>
        <source>no such event</source>
        <translation>no such event</translation>
    </message>
    <message>
        <source>the engine is shutting down</source>
        <translation>the engine is shutting down</translation>
    </message>
    <message>
        <source>the event already exists</source>
        <translation>the event already exists</translation>
    </message>
    <message>
        <source>unknown status %1</source>
        <extracomment>An engine status this version does not know; %1 is its number.</extracomment>
        <translation>unknown status %1</translation>
    </message>
    <message>
        <source>the login or password is wrong</source>
        <translation>the login or password is wrong</translation>
    </message>
    <message>
        <source>the account is locked after too many failed sign-ins</source>
        <translation>the account is locked after too many failed sign-ins</translation>
    </message>
    <message>
        <source>the account is disabled</source>
        <translation>the account is disabled</translation>
    </message>
    <message>
        <source>an account with that login already exists</source>
        <translation>an account with that login already exists</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>no such account</translation>
    </message>
    <message>
        <source>a supervisor must approve this</source>
        <translation>a supervisor must approve this</translation>
    </message>
    <message>
        <source>no shift is open</source>
        <translation>no shift is open</translation>
    </message>
    <message>
        <source>a shift is already open</source>
        <translation>a shift is already open</translation>
    </message>
    <message>
        <source>the shift is closed</source>
        <translation>the shift is closed</translation>
    </message>
    <message>
        <source>the currency differs from the drawer&apos;s</source>
        <translation>the currency differs from the drawer&apos;s</translation>
    </message>
    <message>
        <source>the drawer does not hold enough cash</source>
        <translation>the drawer does not hold enough cash</translation>
    </message>
    <message>
        <source>the sale cannot do that now</source>
        <translation>the sale cannot do that now</translation>
    </message>
    <message>
        <source>the payments do not cover the total yet</source>
        <translation>the payments do not cover the total yet</translation>
    </message>
    <message>
        <source>that is more than what is still due</source>
        <translation>that is more than what is still due</translation>
    </message>
    <message>
        <source>the payment was declined</source>
        <translation>the payment was declined</translation>
    </message>
    <message>
        <source>the card terminal&apos;s answer is still unknown</source>
        <translation>the card terminal&apos;s answer is still unknown</translation>
    </message>
    <message>
        <source>the seats could not be sold</source>
        <translation>the seats could not be sold</translation>
    </message>
    <message>
        <source>the card terminal is not available</source>
        <translation>the card terminal is not available</translation>
    </message>
</context>
<context>
    <name>OnlineCart</name>
    <message>
        <source>usherd refused: %1. Nothing was sold.</source>
        <extracomment>%1 is the reason code usherd gave (e.g. SeatUnavailable).</extracomment>
        <translation>usherd refused: %1. Nothing was sold.</translation>
    </message>
    <message>
        <source>The card payment did not go through (%1): nothing was sold.</source>
        <translation>The card payment did not go through (%1): nothing was sold.</translation>
    </message>
    <message>
        <source>The card is charged and usherd has not answered the sale yet: pay again to ask usherd again.</source>
        <translation>The card is charged and usherd has not answered the sale yet: pay again to ask usherd again.</translation>
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>buyer</source>
        <translation>buyer</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>seat %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>void</source>
        <translation>void</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>handed back</source>
        <translation>handed back</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>order number</translation>
    </message>
    <message>
        <source>ticket code</source>
        <translation>ticket code</translation>
    </message>
    <message>
        <source>old ticket code (reissued)</source>
        <translation>old ticket code (reissued)</translation>
    </message>
    <message>
        <source>old ticket code (exchanged)</source>
        <translation>old ticket code (exchanged)</translation>
    </message>
    <message>
        <source>payment reference</source>
        <translation>payment reference</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Complimentary</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Z report: shift %1</source>
        <translation>Z report: shift %1</translation>
    </message>
    <message>
        <source>X report: shift %1</source>
        <translation>X report: shift %1</translation>
    </message>
    <message>
        <source>Closing report: the shift is closed.</source>
        <translation>Closing report: the shift is closed.</translation>
    </message>
    <message>
        <source>Mid-shift report: the shift stays open.</source>
        <translation>Mid-shift report: the shift stays open.</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>Clerk: %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Opened: %1</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Closed: %1</translation>
    </message>
    <message>
        <source>Produced: %1 by %2</source>
        <translation>Produced: %1 by %2</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>By payment method</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>No tickets sold or refunded.</source>
        <translation>No tickets sold or refunded.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tickets sold</source>
        <translation>Tickets sold</translation>
    </message>
    <message>
        <source>Tickets refunded</source>
        <translation>Tickets refunded</translation>
    </message>
    <message>
        <source>Tickets and cash</source>
        <translation>Tickets and cash</translation>
    </message>
    <message>
        <source>Tickets issued</source>
        <translation>Tickets issued</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Cash refunds</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>Expected cash in the drawer</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Variance (short)</source>
        <translation>Variance (short)</translation>
    </message>
    <message>
        <source>Variance (over)</source>
        <translation>Variance (over)</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
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
            <numerusform>%n ticket sent to the printer %1.</numerusform>
            <numerusform>%n tickets sent to the printer %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Printing failed: %1</translation>
    </message>
    <message>
        <source>Save the tickets as PDF</source>
        <translation>Save the tickets as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) saved to %1.</source>
        <translation>
            <numerusform>%n ticket saved to %1.</numerusform>
            <numerusform>%n tickets saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the tickets: %1</source>
        <translation>Cannot save the tickets: %1</translation>
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
    <name>SyncBoxOffice</name>
    <message>
        <source>An earlier operation of this box office is not settled yet (a cart left open by a restart?): complete or release it first.</source>
        <translation>An earlier operation of this box office is not settled yet (a cart left open by a restart?): complete or release it first.</translation>
    </message>
    <message>
        <source>usherd refused this box office: %1</source>
        <translation>usherd refused this box office: %1</translation>
    </message>
    <message>
        <source>usherd speaks another sync protocol version: update the box office or the server</source>
        <translation>usherd speaks another sync protocol version: update the box office or the server</translation>
    </message>
    <message>
        <source>usherd knows this device under another name or channel: enrol it again</source>
        <translation>usherd knows this device under another name or channel: enrol it again</translation>
    </message>
    <message>
        <source>usherd has operations this box office does not have (was its data restored from a backup?)</source>
        <translation>usherd has operations this box office does not have (was its data restored from a backup?)</translation>
    </message>
    <message>
        <source>A sale cannot mix seats of this box office&apos;s allocation with other seats: sell them separately.</source>
        <translation>A sale cannot mix seats of this box office&apos;s allocation with other seats: sell them separately.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold.</source>
        <translation>usherd is unreachable: only the seats allocated to this box office can be sold.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the places allocated to this box office can be sold, and too few are left.</source>
        <translation>usherd is unreachable: only the places allocated to this box office can be sold, and too few are left.</translation>
    </message>
    <message>
        <source>This usherd is too old to sell standing places to a box office: only the places allocated to this box office can be sold, and too few are left.</source>
        <translation>This usherd is too old to sell standing places to a box office: only the places allocated to this box office can be sold, and too few are left.</translation>
    </message>
    <message>
        <source>These seats are sold through usherd, not from this box office&apos;s allocation.</source>
        <translation>These seats are sold through usherd, not from this box office&apos;s allocation.</translation>
    </message>
    <message>
        <source>These places are not from this box office&apos;s allocation: sell them through usherd.</source>
        <translation>These places are not from this box office&apos;s allocation: sell them through usherd.</translation>
    </message>
</context>
<context>
    <name>SyncPendingDialog</name>
    <message numerus="yes">
        <source>%n place(s) of area %1</source>
        <extracomment>A sync operation&apos;s GA places: %n places of the standing area with the id %1.</extracomment>
        <translation>
            <numerusform>%n place of area %1</numerusform>
            <numerusform>%n places of area %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketContentFactory</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Complimentary</translation>
    </message>
</context>
<context>
    <name>TicketOutput</name>
    <message>
        <source>The ticket printer “%1” is not available.</source>
        <extracomment>%1 is a printer name.</extracomment>
        <translation>The ticket printer “%1” is not available.</translation>
    </message>
    <message>
        <source>printed on %1</source>
        <extracomment>%1 is a printer name.</extracomment>
        <translation>printed on %1</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <extracomment>%1 is a folder.</extracomment>
        <translation>Could not create the folder %1.</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <extracomment>%1 is a file.</extracomment>
        <translation>saved to %1</translation>
    </message>
    <message>
        <source>Print the tickets of order %1</source>
        <translation>Print the tickets of order %1</translation>
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
    <name>UsherdSampler</name>
    <message>
        <source>server-wide</source>
        <translation>server-wide</translation>
    </message>
    <message>
        <source>this event</source>
        <translation>this event</translation>
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
    <message>
        <source>The card terminal at &lt;host:port&gt; (with --demo: a simulated terminal in the app unless this is given; &quot;none&quot; for no terminal).</source>
        <translation>The card terminal at &lt;host:port&gt; (with --demo: a simulated terminal in the app unless this is given; &quot;none&quot; for no terminal).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>This box office&apos;s sales channel (default 2).</source>
        <translation>This box office&apos;s sales channel (default 2).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Print tickets on &lt;printer&gt;; without it they are saved as PDF files in the data directory&apos;s tickets folder.</source>
        <translation>Print tickets on &lt;printer&gt;; without it they are saved as PDF files in the data directory&apos;s tickets folder.</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>With --demo: sign in as the demo account &lt;login&gt; at start.</source>
        <translation>With --demo: sign in as the demo account &lt;login&gt; at start.</translation>
    </message>
    <message>
        <source>login</source>
        <translation>login</translation>
    </message>
    <message>
        <source>Show the seat viewer (all events, all channels) instead of the counter.</source>
        <translation>Show the seat viewer (all events, all channels) instead of the counter.</translation>
    </message>
    <message>
        <source>The central usherd at &lt;url&gt; (e.g. http://127.0.0.1:8080): the admin dashboard shows its live figures.</source>
        <translation>The central usherd at &lt;url&gt; (e.g. http://127.0.0.1:8080): the admin dashboard shows its live figures.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>A promoter or admin &lt;token&gt; of that usherd (default: the USHER_USHERD_TOKEN environment variable).</source>
        <translation>A promoter or admin &lt;token&gt; of that usherd (default: the USHER_USHERD_TOKEN environment variable).</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>With --sign-in: show the workspace &lt;id&gt; (sales, dashboard, ...).</source>
        <translation>With --sign-in: show the workspace &lt;id&gt; (sales, dashboard, ...).</translation>
    </message>
    <message>
        <source>Take the --screenshot after &lt;ms&gt; milliseconds.</source>
        <translation>Take the --screenshot after &lt;ms&gt; milliseconds.</translation>
    </message>
    <message>
        <source>--usherd takes a URL such as http://127.0.0.1:8080.</source>
        <translation>--usherd takes a URL such as http://127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>--sign-in works only with --demo.</source>
        <translation>--sign-in works only with --demo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo accounts&lt;/b&gt; (login / password):</source>
        <translation>&lt;b&gt;Demo accounts&lt;/b&gt; (login / password):</translation>
    </message>
    <message>
        <source>--sign-in takes a demo account: %1</source>
        <translation>--sign-in takes a demo account: %1</translation>
    </message>
    <message>
        <source>Usher box office</source>
        <translation>Usher box office</translation>
    </message>
    <message>
        <source>--channel %1 differs from this box office&apos;s enrolment (channel %2). Start without --channel, or enrol the box office again.</source>
        <extracomment>%1 the --channel given, %2 the channel usherd enrolled this box office on.</extracomment>
        <translation>--channel %1 differs from this box office&apos;s enrolment (channel %2). Start without --channel, or enrol the box office again.</translation>
    </message>
</context>
<context>
    <name>usher</name>
    <message>
        <source>GET %1 failed: %2</source>
        <extracomment>%1 is a URL, %2 the reason.</extracomment>
        <translation>GET %1 failed: %2</translation>
    </message>
    <message>
        <source>%1 did not answer a list of events.</source>
        <extracomment>%1 is a URL.</extracomment>
        <translation>%1 did not answer a list of events.</translation>
    </message>
    <message>
        <source>Event %1 could not be updated: %2</source>
        <extracomment>%1 is an event id, %2 the reason.</extracomment>
        <translation>Event %1 could not be updated: %2</translation>
    </message>
</context>
<context>
    <name>usher::SyncClient</name>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold. Nothing was held or sold.</source>
        <translation>usherd is unreachable: only the seats allocated to this box office can be sold. Nothing was held or sold.</translation>
    </message>
    <message>
        <source>usherd did not answer in time: whether it counted is not known. Try again: the same request never sells twice.</source>
        <translation>usherd did not answer in time: whether it counted is not known. Try again: the same request never sells twice.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the TLS library&apos;s reasons.</extracomment>
        <translation>The TLS certificate of %1 is not trusted: %2</translation>
    </message>
    <message>
        <source>Could not reach usherd at %1: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the reason.</extracomment>
        <translation>Could not reach usherd at %1: %2</translation>
    </message>
    <message>
        <source>Some events could not be downloaded: %1</source>
        <translation>Some events could not be downloaded: %1</translation>
    </message>
    <message>
        <source>The connection to %1 closed.</source>
        <extracomment>%1 is the server&apos;s address.</extracomment>
        <translation>The connection to %1 closed.</translation>
    </message>
    <message>
        <source>usherd at %1 closed the connection: %2</source>
        <extracomment>%1 is the server&apos;s address, %2 the reason usherd gave.</extracomment>
        <translation>usherd at %1 closed the connection: %2</translation>
    </message>
    <message>
        <source>usherd at %1 closed the connection during the handshake.</source>
        <extracomment>%1 is the server&apos;s address.</extracomment>
        <translation>usherd at %1 closed the connection during the handshake.</translation>
    </message>
    <message>
        <source>The connection to usherd dropped before it answered: whether it counted is not known. Try again: the same request never sells twice.</source>
        <translation>The connection to usherd dropped before it answered: whether it counted is not known. Try again: the same request never sells twice.</translation>
    </message>
    <message>
        <source>usherd at %1 did not answer the handshake within %2 s.</source>
        <extracomment>%1 is the server&apos;s address, %2 a number of seconds.</extracomment>
        <translation>usherd at %1 did not answer the handshake within %2 s.</translation>
    </message>
    <message>
        <source>Could not open the sync outbox %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Could not open the sync outbox %1: %2</translation>
    </message>
    <message>
        <source>The box office is not syncing with usherd.</source>
        <translation>The box office is not syncing with usherd.</translation>
    </message>
    <message>
        <source>The box office stopped syncing before usherd answered.</source>
        <translation>The box office stopped syncing before usherd answered.</translation>
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
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>There is nothing here for your role yet. Sign out, or ask an admin.</source>
        <translation>There is nothing here for your role yet. Sign out, or ask an admin.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Event setup</source>
        <translation>Event setup</translation>
    </message>
    <message>
        <source>Venue designer</source>
        <translation>Venue designer</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditCsvExport</name>
    <message>
        <source>Event id</source>
        <translation>Event id</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Journal batch</source>
        <translation>Journal batch</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>%n row exported.</numerusform>
            <numerusform>%n rows exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditLogModel</name>
    <message>
        <source>The audit index cannot be read: %1</source>
        <translation>The audit index cannot be read: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Clerk or user</source>
        <translation>Clerk or user</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Event %1</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>seat %1</translation>
    </message>
    <message numerus="yes">
        <source>%n GA place(s)</source>
        <translation>
            <numerusform>%n GA place</numerusform>
            <numerusform>%n GA places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold seats</source>
        <translation>Hold seats</translation>
    </message>
    <message>
        <source>Hold best available</source>
        <translation>Hold best available</translation>
    </message>
    <message>
        <source>Hold GA places</source>
        <translation>Hold GA places</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Extend hold</source>
        <translation>Extend hold</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>Payment started</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Allocate seats</source>
        <translation>Allocate seats</translation>
    </message>
    <message>
        <source>Take seats back</source>
        <translation>Take seats back</translation>
    </message>
    <message>
        <source>Allocate GA places</source>
        <translation>Allocate GA places</translation>
    </message>
    <message>
        <source>Take GA places back</source>
        <translation>Take GA places back</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <source>Event changed</source>
        <translation>Event changed</translation>
    </message>
    <message>
        <source>Command %1</source>
        <translation>Command %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <source>Buyer %1</source>
        <translation>Buyer %1</translation>
    </message>
    <message>
        <source>Clerk %1</source>
        <translation>Clerk %1</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Device %1</translation>
    </message>
    <message>
        <source>Promoter %1</source>
        <translation>Promoter %1</translation>
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
        <translation>Actor %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::AuditLogWidget</name>
    <message>
        <source>The audit log cannot be opened: %1</source>
        <translation>The audit log cannot be opened: %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Seat id or label</source>
        <translation>Seat id or label</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>Any id</source>
        <translation>Any id</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Any type</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>&amp;From (UTC)</source>
        <translation>&amp;From (UTC)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>Search names, e-mails, references, reasons…</source>
        <translation>Search names, e-mails, references, reasons…</translation>
    </message>
    <message>
        <source>Follow &amp;live</source>
        <translation>Follow &amp;live</translation>
    </message>
    <message>
        <source>New records appear at the bottom; the list follows them while it is scrolled to the end.</source>
        <translation>New records appear at the bottom; the list follows them while it is scrolled to the end.</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <source>S&amp;eat</source>
        <translation>S&amp;eat</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Order</translation>
    </message>
    <message>
        <source>&amp;Clerk or user</source>
        <translation>&amp;Clerk or user</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Seat map right after the record</source>
        <translation>Seat map right after the record</translation>
    </message>
    <message>
        <source>Choose a record or an event to see its seats as they were.</source>
        <translation>Choose a record or an event to see its seats as they were.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Count unavailable</source>
        <translation>Count unavailable</translation>
    </message>
    <message>
        <source>More than %L1 records</source>
        <translation>More than %L1 records</translation>
    </message>
    <message numerus="yes">
        <source>%L1 record(s)</source>
        <translation>
            <numerusform>%L1 record</numerusform>
            <numerusform>%L1 records</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit index cannot keep up with the journal: %1</source>
        <translation>The audit index cannot keep up with the journal: %1</translation>
    </message>
    <message>
        <source>Indexing the journal…</source>
        <translation>Indexing the journal…</translation>
    </message>
    <message>
        <source>Up to date with the journal.</source>
        <translation>Up to date with the journal.</translation>
    </message>
    <message>
        <source>The seat map cannot be replayed: %1</source>
        <translation>The seat map cannot be replayed: %1</translation>
    </message>
    <message>
        <source>%1, before the first record</source>
        <translation>%1, before the first record</translation>
    </message>
    <message>
        <source>Record %L1 of %L2</source>
        <translation>Record %L1 of %L2</translation>
    </message>
    <message>
        <source>%1, right after record %L2 (%3 UTC)</source>
        <translation>%1, right after record %L2 (%3 UTC)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Allocated</translation>
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
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Clerk or user</source>
        <translation>Clerk or user</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Seat not available</source>
        <translation>Seat not available</translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation>Holds released</translation>
    </message>
    <message>
        <source>Journal position</source>
        <translation>Journal position</translation>
    </message>
    <message>
        <source>batch at seq %1, byte %2</source>
        <translation>batch at seq %1, byte %2</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Cannot be read: %1</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotency key</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>New seat</source>
        <translation>New seat</translation>
    </message>
    <message>
        <source>GA area</source>
        <translation>GA area</translation>
    </message>
    <message>
        <source>Pool or channel</source>
        <translation>Pool or channel</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Expires (UTC)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Price type</source>
        <translation>Price type</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Waiting room (usherd)</source>
        <translation>&amp;Waiting room (usherd)</translation>
    </message>
    <message>
        <source>Upgrading the audit index (%L1 rows) to the new format. This happens once; on a very large log it takes a few minutes. The rest of the app can be used meanwhile.</source>
        <extracomment>%L1 is a number of rows.</extracomment>
        <translation>Upgrading the audit index (%L1 rows) to the new format. This happens once; on a very large log it takes a few minutes. The rest of the app can be used meanwhile.</translation>
    </message>
    <message>
        <source>%1 s so far</source>
        <extracomment>%1 is a number of seconds.</extracomment>
        <translation>%1 s so far</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
</context>
<context>
    <name>usher::ui::CashMovementDialog</name>
    <message>
        <source>Cash in or out</source>
        <translation>Cash in or out</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>Cash &amp;in</translation>
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation>Cash &amp;out</translation>
    </message>
    <message>
        <source>e.g. 50.00</source>
        <translation>e.g. 50.00</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Amount (%1):</translation>
    </message>
    <message>
        <source>Why: safe drop, change from the bank…</source>
        <translation>Why: safe drop, change from the bank…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>In the drawer:</source>
        <translation>In the drawer:</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter an amount above zero, e.g. 50.00.</source>
        <translation>Enter an amount above zero, e.g. 50.00.</translation>
    </message>
    <message>
        <source>A note is required: say why the cash moves.</source>
        <translation>A note is required: say why the cash moves.</translation>
    </message>
</context>
<context>
    <name>usher::ui::CounterBackend</name>
    <message>
        <source>Could not open the box-office database %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Could not open the box-office database %1: %2</translation>
    </message>
    <message>
        <source>Could not start the simulated card terminal: %1</source>
        <extracomment>%1 is the reason.</extracomment>
        <translation>Could not start the simulated card terminal: %1</translation>
    </message>
    <message>
        <source>The card terminal must be given as host:port, not “%1”.</source>
        <extracomment>%1 is what was given; host:port must stay as it is.</extracomment>
        <translation>The card terminal must be given as host:port, not “%1”.</translation>
    </message>
</context>
<context>
    <name>usher::ui::CounterWindow</name>
    <message>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>promoter</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Usher box office</source>
        <translation>Usher box office</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only; the password needs 8 to 256 bytes.</source>
        <translation>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only; the password needs 8 to 256 bytes.</translation>
    </message>
    <message>
        <source>An account exists already. Sign in.</source>
        <translation>An account exists already. Sign in.</translation>
    </message>
    <message>
        <source>Creating the account failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Creating the account failed: %1.</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Sale</translation>
    </message>
    <message>
        <source>&amp;Best available</source>
        <translation>&amp;Best available</translation>
    </message>
    <message>
        <source>&amp;Hold selected seats</source>
        <translation>&amp;Hold selected seats</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>Pay &amp;cash</source>
        <translation>Pay &amp;cash</translation>
    </message>
    <message>
        <source>Pay by c&amp;ard</source>
        <translation>Pay by c&amp;ard</translation>
    </message>
    <message>
        <source>C&amp;omplimentary (supervisor)</source>
        <translation>C&amp;omplimentary (supervisor)</translation>
    </message>
    <message>
        <source>C&amp;lear cart</source>
        <translation>C&amp;lear cart</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Del</translation>
    </message>
    <message>
        <source>&amp;Print tickets of the last sale…</source>
        <translation>&amp;Print tickets of the last sale…</translation>
    </message>
    <message>
        <source>&amp;Save tickets of the last sale as PDF…</source>
        <translation>&amp;Save tickets of the last sale as PDF…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Open ca&amp;rts…</source>
        <translation>Open ca&amp;rts…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>&amp;Find order…</source>
        <translation>&amp;Find order…</translation>
    </message>
    <message>
        <source>Order of the &amp;focus seat…</source>
        <translation>Order of the &amp;focus seat…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Customer&apos;s previous orders…</source>
        <translation>&amp;Customer&apos;s previous orders…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>S&amp;hift</translation>
    </message>
    <message>
        <source>Cash &amp;in or out…</source>
        <translation>Cash &amp;in or out…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;X report…</source>
        <translation>&amp;X report…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Close shift (Z report)…</source>
        <translation>&amp;Close shift (Z report)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Seat &amp;map</source>
        <translation>Seat &amp;map</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Seat &amp;viewer (all seats, all channels)</source>
        <translation>Seat &amp;viewer (all seats, all channels)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>Staff &amp;accounts…</translation>
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
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again after %1, or ask an admin to unlock it.</source>
        <extracomment>%1 is a time of day.</extracomment>
        <translation>This account is locked after too many failed sign-ins. Try again after %1, or ask an admin to unlock it.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an admin.</source>
        <translation>This account is disabled. Ask an admin.</translation>
    </message>
    <message numerus="yes">
        <source>The login or the password is wrong. After %n failed attempt(s) in a row the account is locked for a while.</source>
        <translation>
            <numerusform>The login or the password is wrong. After %n failed attempt in a row the account is locked for a while.</numerusform>
            <numerusform>The login or the password is wrong. After %n failed attempts in a row the account is locked for a while.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Signing in failed: %1.</translation>
    </message>
    <message>
        <source>Welcome back, %1: your shift is still open.</source>
        <translation>Welcome back, %1: your shift is still open.</translation>
    </message>
    <message>
        <source>The shift could not be opened: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>The shift could not be opened: %1.</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1.</source>
        <translation>Shift opened with a float of %1.</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you sign out.</source>
        <translation>Finish or clear the cart before you sign out.</translation>
    </message>
    <message>
        <source>Drawer: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Drawer: %1</translation>
    </message>
    <message>
        <source>Drawer: unknown</source>
        <translation>Drawer: unknown</translation>
    </message>
    <message>
        <source>Finish or clear the cart first.</source>
        <translation>Finish or clear the cart first.</translation>
    </message>
    <message>
        <source>No open carts.</source>
        <translation>No open carts.</translation>
    </message>
    <message>
        <source>The counter&apos;s cart is in use: finish it first.</source>
        <translation>The counter&apos;s cart is in use: finish it first.</translation>
    </message>
    <message>
        <source>The cart could not be resumed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>The cart could not be resumed: %1.</translation>
    </message>
    <message>
        <source>Sale %1 had been paid: it was confirmed as order %2. Reprint its tickets from Find order (Ctrl+F).</source>
        <translation>Sale %1 had been paid: it was confirmed as order %2. Reprint its tickets from Find order (Ctrl+F).</translation>
    </message>
    <message>
        <source>Sale %1 was released: its seats are back on sale.</source>
        <translation>Sale %1 was released: its seats are back on sale.</translation>
    </message>
    <message>
        <source>Sale %1 could not be released yet (%2): try again.</source>
        <extracomment>%1 is a sale reference, %2 says why.</extracomment>
        <translation>Sale %1 could not be released yet (%2): try again.</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you close the shift.</source>
        <translation>Finish or clear the cart before you close the shift.</translation>
    </message>
    <message>
        <source>The shift is closed. Goodbye.</source>
        <translation>The shift is closed. Goodbye.</translation>
    </message>
    <message>
        <source>Wait for the current step to finish before you quit.</source>
        <translation>Wait for the current step to finish before you quit.</translation>
    </message>
    <message>
        <source>Standing &amp;places</source>
        <translation>Standing &amp;places</translation>
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
            <numerusform>%1 of %Ln place available</numerusform>
            <numerusform>%1 of %Ln places available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>usher::ui::EventPicker</name>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>Few left</source>
        <translation>Few left</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>Search name, performer, venue, city or date (Ctrl+E)</source>
        <translation>Search name, performer, venue, city or date (Ctrl+E)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Filter on; Space or click removes it</source>
        <translation>Filter on; Space or click removes it</translation>
    </message>
    <message>
        <source>Show only these events</source>
        <translation>Show only these events</translation>
    </message>
    <message>
        <source>Past events (%1)</source>
        <translation>Past events (%1)</translation>
    </message>
    <message>
        <source>Past events shown; Space or click hides them</source>
        <translation>Past events shown; Space or click hides them</translation>
    </message>
    <message>
        <source>Also show events that started before today</source>
        <translation>Also show events that started before today</translation>
    </message>
</context>
<context>
    <name>usher::ui::EventSetup</name>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Prices</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Channels</translation>
    </message>
    <message>
        <source>&amp;Waiting room</source>
        <translation>&amp;Waiting room</translation>
    </message>
    <message>
        <source>&amp;Save event</source>
        <translation>&amp;Save event</translation>
    </message>
    <message>
        <source>Publish to &amp;usherd</source>
        <translation>Publish to &amp;usherd</translation>
    </message>
    <message>
        <source>Set the central server&apos;s address and a token first</source>
        <translation>Set the central server&apos;s address and a token first</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>&amp;Open event…</translation>
    </message>
    <message>
        <source>Find an event to change: search as you type (%1)</source>
        <translation>Find an event to change: search as you type (%1)</translation>
    </message>
    <message>
        <source>e.g. Winter concert</source>
        <translation>e.g. Winter concert</translation>
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
        <translation>Pe&amp;rformer:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Starts:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Venue:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>C&amp;urrency:</translation>
    </message>
    <message>
        <source>&amp;Hold duration:</source>
        <translation>&amp;Hold duration:</translation>
    </message>
    <message>
        <source>&amp;Max tickets per order:</source>
        <translation>&amp;Max tickets per order:</translation>
    </message>
    <message>
        <source>Price types (adult, concession, child…):</source>
        <translation>Price types (adult, concession, child…):</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Add price type</source>
        <translation>Add price type</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Prices per category (empty: not sold at that price type):</source>
        <translation>Prices per category (empty: not sold at that price type):</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adult</translation>
    </message>
    <message>
        <source>Concession</source>
        <translation>Concession</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sales channels and their onsale windows (local time of the event&apos;s time zone):</source>
        <translation>Sales channels and their onsale windows (local time of the event&apos;s time zone):</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Onsale</source>
        <translation>Onsale</translation>
    </message>
    <message>
        <source>Offsale</source>
        <translation>Offsale</translation>
    </message>
    <message>
        <source>Add box office</source>
        <translation>Add box office</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Box office 1</source>
        <translation>Box office 1</translation>
    </message>
    <message>
        <source>Box office %1</source>
        <translation>Box office %1</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Box office</translation>
    </message>
    <message>
        <source>Queue buyers in a waiting room at the online onsale</source>
        <translation>Queue buyers in a waiting room at the online onsale</translation>
    </message>
    <message>
        <source>Capacity planner</source>
        <translation>Capacity planner</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Use the suggested rate</source>
        <translation>Use the suggested rate</translation>
    </message>
    <message>
        <source>Purchase sessions at once (C):</source>
        <translation>Purchase sessions at once (C):</translation>
    </message>
    <message>
        <source>Average purchase time (T):</source>
        <translation>Average purchase time (T):</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Drain</translation>
    </message>
    <message>
        <source> users/s</source>
        <translation> users/s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Drain rate:</source>
        <translation>Drain rate:</translation>
    </message>
    <message>
        <source>Batch every:</source>
        <translation>Batch every:</translation>
    </message>
    <message>
        <source>Admitted sessions at most:</source>
        <translation>Admitted sessions at most:</translation>
    </message>
    <message>
        <source>Heartbeat every:</source>
        <translation>Heartbeat every:</translation>
    </message>
    <message>
        <source>Queue time to live:</source>
        <translation>Queue time to live:</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Allocations</translation>
    </message>
    <message>
        <source>Box offices sell their allocated seats even offline. Pick a channel, select seats (click, Shift+drag), then allocate.</source>
        <translation>Box offices sell their allocated seats even offline. Pick a channel, select seats (click, Shift+drag), then allocate.</translation>
    </message>
    <message>
        <source>&amp;Allocate selected</source>
        <translation>&amp;Allocate selected</translation>
    </message>
    <message>
        <source>&amp;Return to open pool</source>
        <translation>&amp;Return to open pool</translation>
    </message>
    <message>
        <source>%1 · seats: %L2 · standing places: %L3</source>
        <translation>%1 · seats: %L2 · standing places: %L3</translation>
    </message>
    <message>
        <source>%1 · seats: %L2</source>
        <translation>%1 · seats: %L2</translation>
    </message>
    <message>
        <source>Every seat is in the open pool.</source>
        <translation>Every seat is in the open pool.</translation>
    </message>
    <message>
        <source>Suggested drain rate: R = 0.8 × %1 / %2 s = %3 users/s</source>
        <translation>Suggested drain rate: R = 0.8 × %1 / %2 s = %3 users/s</translation>
    </message>
    <message>
        <source>Enter the event&apos;s name.</source>
        <translation>Enter the event&apos;s name.</translation>
    </message>
    <message>
        <source>The name is too long (at most 1,024 bytes).</source>
        <translation>The name is too long (at most 1,024 bytes).</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: pick one from the list.</source>
        <translation>Unknown time zone &quot;%1&quot;: pick one from the list.</translation>
    </message>
    <message>
        <source>Choose a venue: design one or import it in the venue designer.</source>
        <translation>Choose a venue: design one or import it in the venue designer.</translation>
    </message>
    <message>
        <source>Unknown currency &quot;%1&quot;: use an ISO 4217 code such as EUR.</source>
        <translation>Unknown currency &quot;%1&quot;: use an ISO 4217 code such as EUR.</translation>
    </message>
    <message>
        <source>Every price type needs its own key (row %1).</source>
        <translation>Every price type needs its own key (row %1).</translation>
    </message>
    <message>
        <source>Add at least one price type.</source>
        <translation>Add at least one price type.</translation>
    </message>
    <message>
        <source>%1, %2: &quot;%3&quot; is not an amount in %4 (e.g. %5).</source>
        <translation>%1, %2: &quot;%3&quot; is not an amount in %4 (e.g. %5).</translation>
    </message>
    <message>
        <source>Enter at least one price: nothing can be sold without one.</source>
        <translation>Enter at least one price: nothing can be sold without one.</translation>
    </message>
    <message>
        <source>Add at least one sales channel.</source>
        <translation>Add at least one sales channel.</translation>
    </message>
    <message>
        <source>Channel %1 has no name.</source>
        <translation>Channel %1 has no name.</translation>
    </message>
    <message>
        <source>%1: the offsale must be after the onsale.</source>
        <translation>%1: the offsale must be after the onsale.</translation>
    </message>
    <message>
        <source>The event is not valid: %1</source>
        <translation>The event is not valid: %1</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>Fix the fields marked in red first.</translation>
    </message>
    <message>
        <source>Saved event %1 (%2).</source>
        <translation>Saved event %1 (%2).</translation>
    </message>
    <message>
        <source>Saved, but the allocations failed: %1</source>
        <translation>Saved, but the allocations failed: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 (%2)</source>
        <translation>Not saved: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln seat(s) (the venue of a stored event cannot change)</source>
        <translation>
            <numerusform>%1: %Ln seat (the venue of a stored event cannot change)</numerusform>
            <numerusform>%1: %Ln seats (the venue of a stored event cannot change)</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish venue, event and waiting room to %1</source>
        <translation>Publish venue, event and waiting room to %1</translation>
    </message>
    <message>
        <source>Its usherd id could not be kept (%1): publish it again from this session only.</source>
        <translation>Its usherd id could not be kept (%1): publish it again from this session only.</translation>
    </message>
    <message>
        <source>Publishing to %1…</source>
        <translation>Publishing to %1…</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Open event</translation>
    </message>
    <message>
        <source>Opened event %1 (%2).</source>
        <translation>Opened event %1 (%2).</translation>
    </message>
    <message>
        <source>Event %1 is no longer there.</source>
        <translation>Event %1 is no longer there.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2; events published before are not recognised.</source>
        <translation>Cannot read %1: %2; events published before are not recognised.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;New event</translation>
    </message>
    <message>
        <source>Start an empty form for another event (%1)</source>
        <translation>Start an empty form for another event (%1)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Discard them and start a new event?</source>
        <translation>The form has changes that are not saved. Discard them and start a new event?</translation>
    </message>
    <message>
        <source>New event in %1: fill in the form, then save.</source>
        <translation>New event in %1: fill in the form, then save.</translation>
    </message>
    <message>
        <source>No venue yet: design one in the venue designer, or open an event.</source>
        <translation>No venue yet: design one in the venue designer, or open an event.</translation>
    </message>
    <message>
        <source>No venue yet. Design one in the venue designer and choose &quot;Use for an event&quot;, or open an event.</source>
        <translation>No venue yet. Design one in the venue designer and choose &quot;Use for an event&quot;, or open an event.</translation>
    </message>
    <message>
        <source>New event: design a venue, fill in the form, then save.</source>
        <translation>New event: design a venue, fill in the form, then save.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ExchangeDialog</name>
    <message>
        <source>the ticket is not part of the order</source>
        <translation>the ticket is not part of the order</translation>
    </message>
    <message>
        <source>the ticket is no longer valid</source>
        <translation>the ticket is no longer valid</translation>
    </message>
    <message>
        <source>a standing ticket has no seat to exchange</source>
        <translation>a standing ticket has no seat to exchange</translation>
    </message>
    <message>
        <source>no such seat</source>
        <translation>no such seat</translation>
    </message>
    <message>
        <source>that is the ticket&apos;s own seat</source>
        <translation>that is the ticket&apos;s own seat</translation>
    </message>
    <message>
        <source>the seat was taken in the meantime</source>
        <translation>the seat was taken in the meantime</translation>
    </message>
    <message>
        <source>the ticket&apos;s price type is not sold in that seat&apos;s category</source>
        <translation>the ticket&apos;s price type is not sold in that seat&apos;s category</translation>
    </message>
    <message>
        <source>same price</source>
        <translation>same price</translation>
    </message>
    <message>
        <source>Exchange seats of order %1</source>
        <translation>Exchange seats of order %1</translation>
    </message>
    <message>
        <source>Each free seat shows what it costs more (+) or less (−) for the ticket&apos;s price type. The customer pays the difference, or gets it back, in cash or by card.</source>
        <translation>Each free seat shows what it costs more (+) or less (−) for the ticket&apos;s price type. The customer pays the difference, or gets it back, in cash or by card.</translation>
    </message>
    <message>
        <source>&amp;Tickets:</source>
        <translation>&amp;Tickets:</translation>
    </message>
    <message>
        <source>New &amp;seat (type to filter):</source>
        <translation>New &amp;seat (type to filter):</translation>
    </message>
    <message>
        <source>e.g. row B 7</source>
        <translation>e.g. row B 7</translation>
    </message>
    <message>
        <source>Free seats, with the difference in price</source>
        <translation>Free seats, with the difference in price</translation>
    </message>
    <message>
        <source>Required, e.g. wants an aisle seat</source>
        <translation>Required, e.g. wants an aisle seat</translation>
    </message>
    <message>
        <source>Print the new tickets (thermal)</source>
        <translation>Print the new tickets (thermal)</translation>
    </message>
    <message>
        <source>Save the new tickets as PDF (A4)</source>
        <translation>Save the new tickets as PDF (A4)</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Output:</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>Difference:</translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation>Pa&amp;yment:</translation>
    </message>
    <message>
        <source>Cash &amp;handed over:</source>
        <translation>Cash &amp;handed over:</translation>
    </message>
    <message>
        <source>Super&amp;visor login:</source>
        <translation>Super&amp;visor login:</translation>
    </message>
    <message>
        <source>&amp;Choose seat</source>
        <translation>&amp;Choose seat</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>E&amp;xchange</translation>
    </message>
    <message>
        <source>&amp;Print / save tickets</source>
        <translation>&amp;Print / save tickets</translation>
    </message>
    <message>
        <source>Pay in c&amp;ash instead</source>
        <translation>Pay in c&amp;ash instead</translation>
    </message>
    <message>
        <source>Cancel card payment (Esc)</source>
        <translation>Cancel card payment (Esc)</translation>
    </message>
    <message>
        <source>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged and no seat moves unless the customer had already paid.</source>
        <translation>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged and no seat moves unless the customer had already paid.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>No valid seated ticket in this order to exchange.</source>
        <translation>No valid seated ticket in this order to exchange.</translation>
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
        <translation>Pick a ticket and a free seat first.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) to move. Give a reason and press Exchange (Alt+X).</source>
        <translation>
            <numerusform>%n ticket to move. Give a reason and press Exchange (Alt+X).</numerusform>
            <numerusform>%n tickets to move. Give a reason and press Exchange (Alt+X).</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer pays %1 more.</source>
        <translation>The customer pays %1 more.</translation>
    </message>
    <message>
        <source>Cash (with change)</source>
        <translation>Cash (with change)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>The customer gets %1 back.</source>
        <translation>The customer gets %1 back.</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Cash from the drawer</translation>
    </message>
    <message>
        <source>Back to the card of the sale</source>
        <translation>Back to the card of the sale</translation>
    </message>
    <message>
        <source>The same price: no money changes hands.</source>
        <translation>The same price: no money changes hands.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Change: %1</translation>
    </message>
    <message>
        <source>Choose a new seat for at least one ticket first.</source>
        <translation>Choose a new seat for at least one ticket first.</translation>
    </message>
    <message>
        <source>The cash handed over must cover the difference, %1.</source>
        <translation>The cash handed over must cover the difference, %1.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal: the customer pays there… (Esc cancels)</source>
        <translation>Waiting for the card terminal: the customer pays there… (Esc cancels)</translation>
    </message>
    <message>
        <source>Cancelling the card payment: waiting for the terminal&apos;s answer…</source>
        <translation>Cancelling the card payment: waiting for the terminal&apos;s answer…</translation>
    </message>
    <message>
        <source>Card payment cancelled: nothing was charged and no seat moved. Take cash or try the card again.</source>
        <translation>Card payment cancelled: nothing was charged and no seat moved. Take cash or try the card again.</translation>
    </message>
    <message>
        <source>Too late to cancel: the customer had already paid by card.</source>
        <translation>Too late to cancel: the customer had already paid by card.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A price changed since the difference was shown: check it and exchange again.</source>
        <translation>A price changed since the difference was shown: check it and exchange again.</translation>
    </message>
    <message>
        <source>The card payment did not go through (%1): nothing was moved. Take cash or another card.</source>
        <translation>The card payment did not go through (%1): nothing was moved. Take cash or another card.</translation>
    </message>
    <message>
        <source>Not possible: %1.</source>
        <translation>Not possible: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) moved, with new codes: print or save them (Alt+P).</source>
        <translation>
            <numerusform>%n ticket moved, with new codes: print or save them (Alt+P).</numerusform>
            <numerusform>%n tickets moved, with new codes: print or save them (Alt+P).</numerusform>
        </translation>
    </message>
    <message>
        <source>The terminal declined giving %1 back to the card (reference %2): pay it in cash instead (Alt+A).</source>
        <translation>The terminal declined giving %1 back to the card (reference %2): pay it in cash instead (Alt+A).</translation>
    </message>
    <message>
        <source>The terminal&apos;s answer about giving %1 back to the card is unknown (reference %2): do not pay cash; check the terminal.</source>
        <translation>The terminal&apos;s answer about giving %1 back to the card is unknown (reference %2): do not pay cash; check the terminal.</translation>
    </message>
    <message>
        <source>The customer still owes %1: a move that lowered the price was refused.</source>
        <translation>The customer still owes %1: a move that lowered the price was refused.</translation>
    </message>
    <message>
        <source>%1 taken in cash. Change due: %2.</source>
        <translation>%1 taken in cash. Change due: %2.</translation>
    </message>
    <message>
        <source>%1 taken in cash.</source>
        <translation>%1 taken in cash.</translation>
    </message>
    <message>
        <source>Card approved: %1 (auth. %2).</source>
        <extracomment>%1 is an amount, %2 the terminal&apos;s authorisation code.</extracomment>
        <translation>Card approved: %1 (auth. %2).</translation>
    </message>
    <message>
        <source>Hand %1 to the customer from the drawer.</source>
        <translation>Hand %1 to the customer from the drawer.</translation>
    </message>
    <message>
        <source>%1 refunded to the card.</source>
        <translation>%1 refunded to the card.</translation>
    </message>
    <message>
        <source>No money changed hands.</source>
        <translation>No money changed hands.</translation>
    </message>
    <message>
        <source>Paid in cash instead: hand %1 to the customer.</source>
        <translation>Paid in cash instead: hand %1 to the customer.</translation>
    </message>
    <message>
        <source>Nothing was moved: the exchange could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the exchange.</extracomment>
        <translation>Nothing was moved: the exchange could not be journaled for usherd: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRun</name>
    <message>
        <source>Enter the address of usherd, e.g. https://tickets.example.org:8443.</source>
        <translation>Enter the address of usherd, e.g. https://tickets.example.org:8443.</translation>
    </message>
    <message>
        <source>This is not a valid address. Write it as http://host:port or https://host:port.</source>
        <translation>This is not a valid address. Write it as http://host:port or https://host:port.</translation>
    </message>
    <message>
        <source>The address starts with http:// or https://.</source>
        <translation>The address starts with http:// or https://.</translation>
    </message>
    <message>
        <source>The address names no host.</source>
        <translation>The address names no host.</translation>
    </message>
    <message>
        <source>Give usherd&apos;s address only (scheme, host and port), without a path, user or query.</source>
        <translation>Give usherd&apos;s address only (scheme, host and port), without a path, user or query.</translation>
    </message>
    <message>
        <source>Choose a login for the administrator.</source>
        <translation>Choose a login for the administrator.</translation>
    </message>
    <message>
        <source>A login has at most 64 characters: lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>A login has at most 64 characters: lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Enter the administrator&apos;s name.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>The name is too long.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>The password is too long (at most 256 bytes).</source>
        <translation>The password is too long (at most 256 bytes).</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Creating the administrator&apos;s account failed: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>Creating the administrator&apos;s account failed: %1.</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunAdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>The administrator</translation>
    </message>
    <message>
        <source>The first account of this box office. It creates the clerks&apos;, supervisors&apos; and promoters&apos; accounts.</source>
        <translation>The first account of this box office. It creates the clerks&apos;, supervisors&apos; and promoters&apos; accounts.</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;; the password needs at least 8 characters. Keep it safe: nobody can read it back.</source>
        <translation>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;; the password needs at least 8 characters. Keep it safe: nobody can read it back.</translation>
    </message>
    <message>
        <source>L&amp;ogin:</source>
        <translation>L&amp;ogin:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Repeat the password:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunDemoPage</name>
    <message>
        <source>Demo venues and events</source>
        <translation>Demo venues and events</translation>
    </message>
    <message>
        <source>Try Usher out on sample data, or start with an empty box office.</source>
        <translation>Try Usher out on sample data, or start with an empty box office.</translation>
    </message>
    <message>
        <source>The demo adds a concert hall and a studio with two events: the first already has seats allocated to the box office, house seats blocked and about a quarter of its tickets sold. Every change goes through the engine, so the audit log tells the same story.</source>
        <translation>The demo adds a concert hall and a studio with two events: the first already has seats allocated to the box office, house seats blocked and about a quarter of its tickets sold. Every change goes through the engine, so the audit log tells the same story.</translation>
    </message>
    <message>
        <source>&amp;Load the demo venues and events</source>
        <translation>&amp;Load the demo venues and events</translation>
    </message>
    <message>
        <source>Finish creates the administrator&apos;s account and signs you in. The user guide is under Help (F1).</source>
        <translation>Finish creates the administrator&apos;s account and signs you in. The user guide is under Help (F1).</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunLanguagePage</name>
    <message>
        <source>Welcome to Usher</source>
        <translation>Welcome to Usher</translation>
    </message>
    <message>
        <source>A few questions before the box office opens. You can change the language later in the settings.</source>
        <translation>A few questions before the box office opens. You can change the language later in the settings.</translation>
    </message>
    <message>
        <source>Choose the language of Usher&apos;s windows, tickets and reports.</source>
        <translation>Choose the language of Usher&apos;s windows, tickets and reports.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <extracomment>%1 is the system&apos;s language in that language, e.g. &quot;Deutsch&quot;.</extracomment>
        <translation>System default (%1)</translation>
    </message>
    <message>
        <source>Usher keeps its data in %1. To use another folder, start it with --data FOLDER.</source>
        <extracomment>%1 is a folder.</extracomment>
        <translation>Usher keeps its data in %1. To use another folder, start it with --data FOLDER.</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunServerPage</name>
    <message>
        <source>Asking %1…</source>
        <extracomment>%1 is an address.</extracomment>
        <translation>Asking %1…</translation>
    </message>
    <message>
        <source>usherd answers at %1.</source>
        <extracomment>%1 is an address.</extracomment>
        <translation>usherd answers at %1.</translation>
    </message>
    <message>
        <source>No answer from usherd at %1: %2. You can go on and connect later.</source>
        <extracomment>%1 is an address, %2 the error.</extracomment>
        <translation>No answer from usherd at %1: %2. You can go on and connect later.</translation>
    </message>
    <message>
        <source>Stand-alone or connected</source>
        <translation>Stand-alone or connected</translation>
    </message>
    <message>
        <source>Usher sells on its own, or together with the central usherd service of your organisation.</source>
        <translation>Usher sells on its own, or together with the central usherd service of your organisation.</translation>
    </message>
    <message>
        <source>&amp;Stand-alone: this computer is the whole box office</source>
        <translation>&amp;Stand-alone: this computer is the whole box office</translation>
    </message>
    <message>
        <source>&amp;Connected to usherd (online sales, other box offices, the live dashboard)</source>
        <translation>&amp;Connected to usherd (online sales, other box offices, the live dashboard)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
</context>
<context>
    <name>usher::ui::FirstRunWizard</name>
    <message>
        <source>Usher: first start</source>
        <translation>Usher: first start</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>usher::ui::HelpMenu</name>
    <message>
        <source>About Usher</source>
        <translation>About Usher</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Usher&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Box office and event ticketing: counter sales, venues and events, live onsales and the audit log.&lt;/p&gt;</source>
        <extracomment>%1 is the version number.</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;Usher&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Box office and event ticketing: counter sales, venues and events, live onsales and the audit log.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hel&amp;p</source>
        <translation>Hel&amp;p</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;About Usher</source>
        <translation>&amp;About Usher</translation>
    </message>
</context>
<context>
    <name>usher::ui::LocalMetricsFeed</name>
    <message>
        <source>this computer (no usherd)</source>
        <translation>this computer (no usherd)</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>The event&apos;s engine has stopped.</source>
        <translation>The event&apos;s engine has stopped.</translation>
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
    <name>usher::ui::MetricsFeed</name>
    <message>
        <source>The waiting room can be changed only when connected to usherd.</source>
        <translation>The waiting room can be changed only when connected to usherd.</translation>
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
        <translation>closed</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>OPEN</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>half-open</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Event list</source>
        <translation>Event list</translation>
    </message>
    <message>
        <source>Event detail</source>
        <translation>Event detail</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Live onsale</source>
        <translation>Live onsale</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Event:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Window:</translation>
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
        <translation>Waiting for data…</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Queue depth</translation>
    </message>
    <message>
        <source>Inflow / outflow</source>
        <translation>Inflow / outflow</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Active sessions</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Holds</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Conflicts (409)</source>
        <translation>Conflicts (409)</translation>
    </message>
    <message>
        <source>Rate limited (429)</source>
        <translation>Rate limited (429)</translation>
    </message>
    <message>
        <source>Released holds</source>
        <translation>Released holds</translation>
    </message>
    <message>
        <source>Abandonment</source>
        <translation>Abandonment</translation>
    </message>
    <message>
        <source>Gateway latency / errors</source>
        <translation>Gateway latency / errors</translation>
    </message>
    <message>
        <source>Gateway circuit</source>
        <translation>Gateway circuit</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>Waiting room</translation>
    </message>
    <message>
        <source>people</source>
        <translation>people</translation>
    </message>
    <message>
        <source>Queue flow</source>
        <translation>Queue flow</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>per second</translation>
    </message>
    <message>
        <source>Inflow</source>
        <translation>Inflow</translation>
    </message>
    <message>
        <source>Outflow</source>
        <translation>Outflow</translation>
    </message>
    <message>
        <source>Drain rate setting</source>
        <translation>Drain rate setting</translation>
    </message>
    <message>
        <source>Holds and sales</source>
        <translation>Holds and sales</translation>
    </message>
    <message>
        <source>Refusals and releases</source>
        <translation>Refusals and releases</translation>
    </message>
    <message>
        <source>409 conflicts</source>
        <translation>409 conflicts</translation>
    </message>
    <message>
        <source>429 refusals</source>
        <translation>429 refusals</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache hit ratio</translation>
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
        <translation>Payment gateway</translation>
    </message>
    <message>
        <source>ms · errors/s</source>
        <translation>ms · errors/s</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latency (ms)</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Errors/s</translation>
    </message>
    <message>
        <source>&amp;Pause queue…</source>
        <translation>&amp;Pause queue…</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>Set &amp;drain rate…</source>
        <translation>Set &amp;drain rate…</translation>
    </message>
    <message>
        <source>Box offices</source>
        <translation>Box offices</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Box office</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Sync lag</source>
        <translation>Sync lag</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>No box-office list: it needs a usherd with GET /api/devices.</source>
        <translation>No box-office list: it needs a usherd with GET /api/devices.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is an event id, %2 its name.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>event %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Not updating</source>
        <translation>Not updating</translation>
    </message>
    <message>
        <source>Sales figures: %1</source>
        <translation>Sales figures: %1</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>no room</translation>
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
            <numerusform>%n alert. %1</numerusform>
            <numerusform>%n alerts. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No box office is connected.</source>
        <translation>No box office is connected.</translation>
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
        <translation>&amp;Resume queue…</translation>
    </message>
    <message>
        <source>Pausing and the drain rate need a connection to usherd with a promoter or admin token.</source>
        <translation>Pausing and the drain rate need a connection to usherd with a promoter or admin token.</translation>
    </message>
    <message>
        <source>This event has no waiting room.</source>
        <translation>This event has no waiting room.</translation>
    </message>
    <message>
        <source>Queue %1, drain rate %2.</source>
        <extracomment>%1 is &quot;running&quot; or &quot;paused&quot;, %2 a rate.</extracomment>
        <translation>Queue %1, drain rate %2.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>Pause the queue of %1? Nobody is admitted until you resume it; %2 people are waiting.</source>
        <extracomment>%1 is an event, %2 a number of people.</extracomment>
        <translation>Pause the queue of %1? Nobody is admitted until you resume it; %2 people are waiting.</translation>
    </message>
    <message>
        <source>Resume the queue of %1? Admissions start again at the drain rate.</source>
        <translation>Resume the queue of %1? Admissions start again at the drain rate.</translation>
    </message>
    <message>
        <source>Pause the queue</source>
        <translation>Pause the queue</translation>
    </message>
    <message>
        <source>Resume the queue</source>
        <translation>Resume the queue</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Change the drain rate of %1 from %2 to %3?</source>
        <extracomment>%1 is an event, %2 and %3 rates such as &quot;13.3/s&quot;.</extracomment>
        <translation>Change the drain rate of %1 from %2 to %3?</translation>
    </message>
    <message>
        <source>Change the drain rate</source>
        <translation>Change the drain rate</translation>
    </message>
    <message>
        <source>Done: the change is in force and in usherd&apos;s audit log.</source>
        <translation>Done: the change is in force and in usherd&apos;s audit log.</translation>
    </message>
    <message>
        <source>%1 (%2 expired)</source>
        <extracomment>Released seats per second, then how many holds ran out per second, e.g. &quot;6.0/s (2.0/s expired)&quot;.</extracomment>
        <translation>%1 (%2 expired)</translation>
    </message>
</context>
<context>
    <name>usher::ui::OnsaleDashboardAlerts</name>
    <message>
        <source>Cache &quot;%1&quot;: hit ratio %2, below %3.</source>
        <extracomment>%1 is a cache&apos;s name, %2 and %3 percentages.</extracomment>
        <translation>Cache &quot;%1&quot;: hit ratio %2, below %3.</translation>
    </message>
    <message>
        <source>The queue is paused with %1 waiting.</source>
        <extracomment>%1 is a number of people.</extracomment>
        <translation>The queue is paused with %1 waiting.</translation>
    </message>
    <message>
        <source>The drain has stalled: %1 waiting, nobody admitted for %2 s.</source>
        <extracomment>%1 is a number of people, %2 of seconds.</extracomment>
        <translation>The drain has stalled: %1 waiting, nobody admitted for %2 s.</translation>
    </message>
    <message>
        <source>The payment gateway&apos;s circuit is open: purchases fail fast.</source>
        <translation>The payment gateway&apos;s circuit is open: purchases fail fast.</translation>
    </message>
    <message>
        <source>The payment gateway&apos;s circuit is half-open: probing the gateway.</source>
        <translation>The payment gateway&apos;s circuit is half-open: probing the gateway.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OpenCartsPage</name>
    <message>
        <source>seats held, not paid</source>
        <translation>seats held, not paid</translation>
    </message>
    <message>
        <source>payment started</source>
        <translation>payment started</translation>
    </message>
    <message>
        <source>paid, tickets being issued</source>
        <translation>paid, tickets being issued</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Open carts&lt;/h2&gt;These sales were not finished when Usher last stopped. Their seats are still held for you. Resume a cart to finish the sale, or release it: money taken is given back (a card payment is reversed) and the seats go back on sale.</source>
        <translation>&lt;h2&gt;Open carts&lt;/h2&gt;These sales were not finished when Usher last stopped. Their seats are still held for you. Resume a cart to finish the sale, or release it: money taken is given back (a card payment is reversed) and the seats go back on sale.</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>&amp;Resume (Enter)</source>
        <translation>&amp;Resume (Enter)</translation>
    </message>
    <message>
        <source>Re&amp;lease (Del)</source>
        <translation>Re&amp;lease (Del)</translation>
    </message>
    <message>
        <source>&amp;Go to the counter (Esc)</source>
        <translation>&amp;Go to the counter (Esc)</translation>
    </message>
</context>
<context>
    <name>usher::ui::OpenShiftPage</name>
    <message>
        <source>Open your shift</source>
        <translation>Open your shift</translation>
    </message>
    <message>
        <source>e.g. 150.00</source>
        <translation>e.g. 150.00</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>&amp;Open shift</translation>
    </message>
    <message>
        <source>Cash &amp;float in the drawer:</source>
        <translation>Cash &amp;float in the drawer:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>C&amp;urrency:</translation>
    </message>
    <message>
        <source>Welcome, %1. Count the cash float into the drawer and enter it.</source>
        <extracomment>%1 is the clerk&apos;s name.</extracomment>
        <translation>Welcome, %1. Count the cash float into the drawer and enter it.</translation>
    </message>
    <message>
        <source>The currency is a three-letter code such as EUR.</source>
        <translation>The currency is a three-letter code such as EUR.</translation>
    </message>
    <message>
        <source>Enter the float as an amount such as 150.00.</source>
        <translation>Enter the float as an amount such as 150.00.</translation>
    </message>
</context>
<context>
    <name>usher::ui::OrderDialog</name>
    <message>
        <source>Find an order</source>
        <translation>Find an order</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Order number, ticket code, buyer name, seat or payment reference</source>
        <translation>Order number, ticket code, buyer name, seat or payment reference</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>Orders found</source>
        <translation>Orders found</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Price type</source>
        <translation>Price type</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tickets of the order</source>
        <translation>Tickets of the order</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Payments of the order</source>
        <translation>Payments of the order</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>&amp;Refund…</translation>
    </message>
    <message>
        <source>E&amp;xchange…</source>
        <translation>E&amp;xchange…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Void…</translation>
    </message>
    <message>
        <source>Re&amp;print…</source>
        <translation>Re&amp;print…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Type an order number, a ticket code, a name, a seat or a payment reference.</source>
        <translation>Type an order number, a ticket code, a name, a seat or a payment reference.</translation>
    </message>
    <message>
        <source>No order found for “%1”.</source>
        <translation>No order found for “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n orders found; type more to narrow the search.</source>
        <translation>
            <numerusform>The first order found; type more to narrow the search.</numerusform>
            <numerusform>The first %n orders found; type more to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) found. Down: to the list.</source>
        <translation>
            <numerusform>%n order found. Down: to the list.</numerusform>
            <numerusform>%n orders found. Down: to the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>No order selected.</source>
        <translation>No order selected.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Order %1&lt;/b&gt; · %2 · %3 · sold %4 through %5</source>
        <translation>&lt;b&gt;Order %1&lt;/b&gt; · %2 · %3 · sold %4 through %5</translation>
    </message>
    <message>
        <source>no buyer name</source>
        <translation>no buyer name</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 · refunded %2 · %3 of %n ticket(s) valid</source>
        <translation>
            <numerusform>Total %1 · refunded %2 · %3 of %n ticket valid</numerusform>
            <numerusform>Total %1 · refunded %2 · %3 of %n tickets valid</numerusform>
        </translation>
    </message>
    <message>
        <source>No payment recorded here</source>
        <translation>No payment recorded here</translation>
    </message>
    <message>
        <source>Open a shift to refund, exchange, void or reprint.</source>
        <translation>Open a shift to refund, exchange, void or reprint.</translation>
    </message>
</context>
<context>
    <name>usher::ui::PrometheusSnapshot</name>
    <message>
        <source>a metric name was expected</source>
        <translation>a metric name was expected</translation>
    </message>
    <message>
        <source>a label name was expected</source>
        <translation>a label name was expected</translation>
    </message>
    <message>
        <source>a label needs =&quot;value&quot;</source>
        <translation>a label needs =&quot;value&quot;</translation>
    </message>
    <message>
        <source>a label value is not closed</source>
        <translation>a label value is not closed</translation>
    </message>
    <message>
        <source>a label list is not closed</source>
        <translation>a label list is not closed</translation>
    </message>
    <message>
        <source>the value is not a number</source>
        <translation>the value is not a number</translation>
    </message>
    <message>
        <source>unexpected text after the value</source>
        <translation>unexpected text after the value</translation>
    </message>
    <message>
        <source>the scrape is larger than 16 MiB: the rest was ignored</source>
        <translation>the scrape is larger than 16 MiB: the rest was ignored</translation>
    </message>
    <message>
        <source>more than %1 samples: the rest was ignored</source>
        <translation>more than %1 samples: the rest was ignored</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 is a line number, %2 what is wrong with the line.</extracomment>
        <translation>line %1: %2</translation>
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
        <translation>Storing the venue failed: %1</translation>
    </message>
    <message>
        <source>Changing event %1 on usherd failed: %2</source>
        <translation>Changing event %1 on usherd failed: %2</translation>
    </message>
    <message>
        <source>Creating the event failed: %1</source>
        <translation>Creating the event failed: %1</translation>
    </message>
    <message>
        <source>Event %1 was changed, but setting its waiting room failed: %2</source>
        <translation>Event %1 was changed, but setting its waiting room failed: %2</translation>
    </message>
    <message>
        <source>Event %1 was created, but setting its waiting room failed: %2</source>
        <translation>Event %1 was created, but setting its waiting room failed: %2</translation>
    </message>
    <message>
        <source>Published the changes to event %1 on usherd.</source>
        <translation>Published the changes to event %1 on usherd.</translation>
    </message>
    <message>
        <source>Published as event %1 on usherd.</source>
        <translation>Published as event %1 on usherd.</translation>
    </message>
</context>
<context>
    <name>usher::ui::RefundDialog</name>
    <message>
        <source>Refund order %1</source>
        <translation>Refund order %1</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3. Tick the tickets to refund (Space).</source>
        <translation>Order %1 · %2 · %3. Tick the tickets to refund (Space).</translation>
    </message>
    <message>
        <source>no buyer name</source>
        <translation>no buyer name</translation>
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
        <translation>Required, e.g. customer is ill</translation>
    </message>
    <message>
        <source>Cash from the drawer</source>
        <translation>Cash from the drawer</translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation>Back to the card</translation>
    </message>
    <message>
        <source>&amp;Money back as:</source>
        <translation>&amp;Money back as:</translation>
    </message>
    <message>
        <source>Super&amp;visor login:</source>
        <translation>Super&amp;visor login:</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Refund</translation>
    </message>
    <message>
        <source>Pay in &amp;cash instead</source>
        <translation>Pay in &amp;cash instead</translation>
    </message>
    <message>
        <source>&amp;Ask the terminal again</source>
        <translation>&amp;Ask the terminal again</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>To refund: %1 for %n ticket(s).</source>
        <translation>
            <numerusform>To refund: %1 for %n ticket.</numerusform>
            <numerusform>To refund: %1 for %n tickets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one valid ticket.</source>
        <translation>Tick at least one valid ticket.</translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 for %n ticket(s): hand %1 in cash to the customer.</source>
        <translation>
            <numerusform>Refunded %1 for %n ticket: hand %1 in cash to the customer.</numerusform>
            <numerusform>Refunded %1 for %n tickets: hand %1 in cash to the customer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refunded %1 for %n ticket(s) back to the card (reference %2).</source>
        <translation>
            <numerusform>Refunded %1 for %n ticket back to the card (reference %2).</numerusform>
            <numerusform>Refunded %1 for %n tickets back to the card (reference %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>The tickets are refunded, but the card terminal %1 the card refund of %2 (reference %3). Pay it in cash instead, or refund it on the terminal by hand.</source>
        <translation>The tickets are refunded, but the card terminal %1 the card refund of %2 (reference %3). Pay it in cash instead, or refund it on the terminal by hand.</translation>
    </message>
    <message>
        <source>The tickets are refunded, but whether the card refund of %1 went through is not known (terminal %2, reference %3). Do not pay cash yet: ask the terminal again.</source>
        <translation>The tickets are refunded, but whether the card refund of %1 went through is not known (terminal %2, reference %3). Do not pay cash yet: ask the terminal again.</translation>
    </message>
    <message>
        <source>Paid in cash instead: hand %1 to the customer.</source>
        <translation>Paid in cash instead: hand %1 to the customer.</translation>
    </message>
    <message>
        <source>The terminal confirms the card refund of %1.</source>
        <translation>The terminal confirms the card refund of %1.</translation>
    </message>
    <message>
        <source>The terminal says the card refund was %1: pay it in cash instead.</source>
        <translation>The terminal says the card refund was %1: pay it in cash instead.</translation>
    </message>
    <message>
        <source>Still no answer from the terminal (%1). Try again in a moment.</source>
        <translation>Still no answer from the terminal (%1). Try again in a moment.</translation>
    </message>
    <message>
        <source>Nothing was refunded: the refund could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the refund.</extracomment>
        <translation>Nothing was refunded: the refund could not be journaled for usherd: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::ReprintDialog</name>
    <message>
        <source>Reprint tickets of order %1</source>
        <translation>Reprint tickets of order %1</translation>
    </message>
    <message>
        <source>Each reprinted ticket gets a new code; its old code stops scanning. Tick the tickets to reprint (Space).</source>
        <translation>Each reprinted ticket gets a new code; its old code stops scanning. Tick the tickets to reprint (Space).</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>%1 · %2 · code %3 · %4</source>
        <translation>%1 · %2 · code %3 · %4</translation>
    </message>
    <message>
        <source>Required, e.g. ticket lost, printer jam</source>
        <translation>Required, e.g. ticket lost, printer jam</translation>
    </message>
    <message>
        <source>Thermal ticket (2 × 5.5 in)</source>
        <translation>Thermal ticket (2 × 5.5 in)</translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation>A4 page</translation>
    </message>
    <message>
        <source>US Letter page</source>
        <translation>US Letter page</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Output:</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>&amp;Reprint</translation>
    </message>
    <message>
        <source>Output &amp;again</source>
        <translation>Output &amp;again</translation>
    </message>
    <message>
        <source>Print or save the new tickets again (no new codes)</source>
        <translation>Print or save the new tickets again (no new codes)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tick at least one valid ticket.</source>
        <translation>Tick at least one valid ticket.</translation>
    </message>
    <message>
        <source>%1 · %2 · new code %3</source>
        <translation>%1 · %2 · new code %3</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) reissued with new codes; the old codes no longer scan.</source>
        <translation>
            <numerusform>%n ticket reissued with new codes; the old codes no longer scan.</numerusform>
            <numerusform>%n tickets reissued with new codes; the old codes no longer scan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not printed yet: use Output again.</source>
        <translation>Not printed yet: use Output again.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SalePage</name>
    <message>
        <source>Best available (F2)</source>
        <translation>Best available (F2)</translation>
    </message>
    <message>
        <source>2, 4B, 2* …</source>
        <translation>2, 4B, 2* …</translation>
    </message>
    <message>
        <source>Quantity, then optionally a category key; * for accessible seats, ~ to allow splitting the group. Enter holds the best seats.</source>
        <translation>Quantity, then optionally a category key; * for accessible seats, ~ to allow splitting the group. Enter holds the best seats.</translation>
    </message>
    <message>
        <source>&amp;Together</source>
        <translation>&amp;Together</translation>
    </message>
    <message>
        <source>&amp;Accessible</source>
        <translation>&amp;Accessible</translation>
    </message>
    <message>
        <source>&amp;Hold best</source>
        <translation>&amp;Hold best</translation>
    </message>
    <message>
        <source>Hold &amp;selected seats (Ctrl+H)</source>
        <translation>Hold &amp;selected seats (Ctrl+H)</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Left/Right or 1–9 change the ticket type of the selected line</source>
        <translation>Left/Right or 1–9 change the ticket type of the selected line</translation>
    </message>
    <message>
        <source>&amp;Clear cart (Ctrl+Del)</source>
        <translation>&amp;Clear cart (Ctrl+Del)</translation>
    </message>
    <message>
        <source>Customer (optional, Ctrl+K)</source>
        <translation>Customer (optional, Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Previous orders (Ctrl+Shift+F)</source>
        <translation>&amp;Previous orders (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>Last sale</translation>
    </message>
    <message>
        <source>No sale yet in this session.</source>
        <translation>No sale yet in this session.</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save P&amp;DF… (Ctrl+Shift+S)</source>
        <translation>Save P&amp;DF… (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Cash: what the customer hands over. Card: the amount to charge (less than what is due for a split payment).</source>
        <translation>Cash: what the customer hands over. Card: the amount to charge (less than what is due for a split payment).</translation>
    </message>
    <message>
        <source>Cash (Enter/F8)</source>
        <translation>Cash (Enter/F8)</translation>
    </message>
    <message>
        <source>Card (F9)</source>
        <translation>Card (F9)</translation>
    </message>
    <message>
        <source>Complimentary (F10)</source>
        <translation>Complimentary (F10)</translation>
    </message>
    <message>
        <source>Cancel card payment (Esc)</source>
        <translation>Cancel card payment (Esc)</translation>
    </message>
    <message>
        <source>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged unless the customer had already paid.</source>
        <translation>Asks the terminal to cancel while the customer is at the keypad. Nothing is charged unless the customer had already paid.</translation>
    </message>
    <message>
        <source>supervisor login</source>
        <translation>supervisor login</translation>
    </message>
    <message>
        <source>supervisor password</source>
        <translation>supervisor password</translation>
    </message>
    <message>
        <source>A&amp;mount (F7):</source>
        <translation>A&amp;mount (F7):</translation>
    </message>
    <message>
        <source>Finish or clear the cart before you change the event.</source>
        <translation>Finish or clear the cart before you change the event.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Available to sell here&lt;/b&gt;</source>
        <translation>&lt;b&gt;Available to sell here&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <extracomment>%1 category name, %2 seats this desk can sell, %3 seats of the category.</extracomment>
        <translation>%1: %2 of %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 places</source>
        <extracomment>%1 standing area, %2 places left, %3 capacity.</extracomment>
        <translation>%1: %2 of %3 places</translation>
    </message>
    <message>
        <source>Choose an event first (Ctrl+E).</source>
        <translation>Choose an event first (Ctrl+E).</translation>
    </message>
    <message>
        <source>Type how many seats, e.g. 2, then Enter.</source>
        <translation>Type how many seats, e.g. 2, then Enter.</translation>
    </message>
    <message>
        <source>There is no category “%1” at this venue.</source>
        <extracomment>%1 is what the clerk typed as a category key.</extracomment>
        <translation>There is no category “%1” at this venue.</translation>
    </message>
    <message>
        <source>Select seats on the map first (Ctrl+M, arrows, Space).</source>
        <translation>Select seats on the map first (Ctrl+M, arrows, Space).</translation>
    </message>
    <message>
        <source>The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first.</source>
        <translation>The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first.</translation>
    </message>
    <message>
        <source>Open a shift first.</source>
        <translation>Open a shift first.</translation>
    </message>
    <message>
        <source>Still working on the last step…</source>
        <translation>Still working on the last step…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket(s))</source>
        <extracomment>%1 is a count of tickets, %2 an amount of money.</extracomment>
        <translation>
            <numerusform>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket)</numerusform>
            <numerusform>&lt;b&gt;Total: %2&lt;/b&gt; (%n tickets)</numerusform>
        </translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nothing due</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Complimentary</source>
        <translation>Complimentary</translation>
    </message>
    <message>
        <source> (outcome unknown)</source>
        <translation> (outcome unknown)</translation>
    </message>
    <message>
        <source>No card terminal is configured.</source>
        <translation>No card terminal is configured.</translation>
    </message>
    <message>
        <source>Ticket types can only change before the payment starts.</source>
        <translation>Ticket types can only change before the payment starts.</translation>
    </message>
    <message>
        <source>That ticket type is not sold in this category.</source>
        <translation>That ticket type is not sold in this category.</translation>
    </message>
    <message>
        <source>payment in progress</source>
        <translation>payment in progress</translation>
    </message>
    <message>
        <source>The hold expired: the seats went back on sale and the cart is empty.</source>
        <translation>The hold expired: the seats went back on sale and the cart is empty.</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <extracomment>%1 is minutes:seconds.</extracomment>
        <translation>Hold: %1</translation>
    </message>
    <message>
        <source>The hold runs out in %1: take the payment now.</source>
        <extracomment>%1 is minutes:seconds.</extracomment>
        <translation>The hold runs out in %1: take the payment now.</translation>
    </message>
    <message>
        <source>Cart cleared: the seats were released and any money taken was given back.</source>
        <translation>Cart cleared: the seats were released and any money taken was given back.</translation>
    </message>
    <message>
        <source>A supervisor signs in here to approve complimentary tickets.</source>
        <translation>A supervisor signs in here to approve complimentary tickets.</translation>
    </message>
    <message>
        <source>The cart is empty: hold seats first (F2).</source>
        <translation>The cart is empty: hold seats first (F2).</translation>
    </message>
    <message>
        <source>Enter the amount as a number such as 50.00.</source>
        <translation>Enter the amount as a number such as 50.00.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>Waiting for the card terminal: the customer pays there… (Esc cancels)</source>
        <translation>Waiting for the card terminal: the customer pays there… (Esc cancels)</translation>
    </message>
    <message>
        <source>Card payment cancelled: nothing was charged. The seats are still held; take cash or try the card again.</source>
        <translation>Card payment cancelled: nothing was charged. The seats are still held; take cash or try the card again.</translation>
    </message>
    <message>
        <source>Too late to cancel: the customer had already paid by card.</source>
        <translation>Too late to cancel: the customer had already paid by card.</translation>
    </message>
    <message>
        <source>Cancelling the card payment: waiting for the terminal&apos;s answer…</source>
        <translation>Cancelling the card payment: waiting for the terminal&apos;s answer…</translation>
    </message>
    <message>
        <source>Change due: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Change due: %1</translation>
    </message>
    <message>
        <source>Card approved: %1 (auth. %2)</source>
        <extracomment>%1 is an amount, %2 the terminal&apos;s authorisation code.</extracomment>
        <translation>Card approved: %1 (auth. %2)</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Paid: %1</translation>
    </message>
    <message>
        <source>Still due: %1</source>
        <translation>Still due: %1</translation>
    </message>
    <message numerus="yes">
        <source>Order %1: %n ticket(s) %3.</source>
        <extracomment>%1 order number, %2 count of tickets, %3 where they went (e.g. &quot;printed on Thermal-1&quot;).</extracomment>
        <translation>
            <numerusform>Order %1: %n ticket %3.</numerusform>
            <numerusform>Order %1: %n tickets %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 is paid, but its tickets could not be issued: %2 Print them with Ctrl+P.</source>
        <extracomment>%1 order number, %2 the reason the tickets could not be printed or saved.</extracomment>
        <translation>Order %1 is paid, but its tickets could not be issued: %2 Print them with Ctrl+P.</translation>
    </message>
    <message>
        <source>No sale to print yet.</source>
        <translation>No sale to print yet.</translation>
    </message>
    <message>
        <source>No sale to save yet.</source>
        <translation>No sale to save yet.</translation>
    </message>
    <message>
        <source>Save the tickets as PDF</source>
        <translation>Save the tickets as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Move to a seat on the map first (Ctrl+M, arrow keys).</source>
        <translation>Move to a seat on the map first (Ctrl+M, arrow keys).</translation>
    </message>
    <message>
        <source>Not enough seats are available for that: try fewer, another category, or allow splitting (~).</source>
        <translation>Not enough seats are available for that: try fewer, another category, or allow splitting (~).</translation>
    </message>
    <message>
        <source>The hold has expired: the seats went back on sale.</source>
        <translation>The hold has expired: the seats went back on sale.</translation>
    </message>
    <message>
        <source>This event is not on sale at the box office now.</source>
        <translation>This event is not on sale at the box office now.</translation>
    </message>
    <message>
        <source>That is more tickets than one order may have.</source>
        <translation>That is more tickets than one order may have.</translation>
    </message>
    <message>
        <source>The sale was refused: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>The sale was refused: %1.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s login or password is wrong.</source>
        <translation>The supervisor&apos;s login or password is wrong.</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin can approve complimentary tickets.</source>
        <translation>Only a supervisor or an admin can approve complimentary tickets.</translation>
    </message>
    <message>
        <source>That supervisor account is locked after too many failed sign-ins.</source>
        <translation>That supervisor account is locked after too many failed sign-ins.</translation>
    </message>
    <message>
        <source>The drawer does not hold enough cash for that change.</source>
        <translation>The drawer does not hold enough cash for that change.</translation>
    </message>
    <message>
        <source>That is more than what is still due.</source>
        <translation>That is more than what is still due.</translation>
    </message>
    <message>
        <source>Your shift is closed: open a new one to sell.</source>
        <translation>Your shift is closed: open a new one to sell.</translation>
    </message>
    <message>
        <source>This event is sold in another currency than your shift&apos;s drawer.</source>
        <translation>This event is sold in another currency than your shift&apos;s drawer.</translation>
    </message>
    <message>
        <source>The card terminal&apos;s answer is still unknown. Check the terminal, then press F9 to ask it again. The sale cannot finish or be cleared until then.</source>
        <translation>The card terminal&apos;s answer is still unknown. Check the terminal, then press F9 to ask it again. The sale cannot finish or be cleared until then.</translation>
    </message>
    <message>
        <source>Saving failed (disk full or broken?). Nothing was lost; try again.</source>
        <translation>Saving failed (disk full or broken?). Nothing was lost; try again.</translation>
    </message>
    <message>
        <source>That did not work: %1.</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>That did not work: %1.</translation>
    </message>
    <message>
        <source>Card DECLINED (%1). Ask for another card or take cash.</source>
        <extracomment>%1 is the terminal&apos;s reason.</extracomment>
        <translation>Card DECLINED (%1). Ask for another card or take cash.</translation>
    </message>
    <message>
        <source>The card terminal did not answer in time; the payment was cancelled and nothing was charged. Try again or take cash.</source>
        <translation>The card terminal did not answer in time; the payment was cancelled and nothing was charged. Try again or take cash.</translation>
    </message>
    <message>
        <source>The card terminal lost the connection; the payment was cancelled and nothing was charged. Try again or take cash.</source>
        <translation>The card terminal lost the connection; the payment was cancelled and nothing was charged. Try again or take cash.</translation>
    </message>
    <message>
        <source>The card terminal cannot be reached. Check its cable and power, or take cash.</source>
        <translation>The card terminal cannot be reached. Check its cable and power, or take cash.</translation>
    </message>
    <message>
        <source>Best available found seats outside this box office&apos;s allocation. Select seats on the map instead: those are sold through usherd.</source>
        <translation>Best available found seats outside this box office&apos;s allocation. Select seats on the map instead: those are sold through usherd.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket(s), through usherd)</source>
        <extracomment>%1 is a count of tickets, %2 an amount of money. The seats are held on usherd.</extracomment>
        <translation>
            <numerusform>&lt;b&gt;Total: %2&lt;/b&gt; (%n ticket, through usherd)</numerusform>
            <numerusform>&lt;b&gt;Total: %2&lt;/b&gt; (%n tickets, through usherd)</numerusform>
        </translation>
    </message>
    <message>
        <source>Take at least %1 in cash: a sale through usherd is paid in one go.</source>
        <extracomment>%1 is an amount of money.</extracomment>
        <translation>Take at least %1 in cash: a sale through usherd is paid in one go.</translation>
    </message>
    <message>
        <source>Asking usherd to sell the seats…</source>
        <translation>Asking usherd to sell the seats…</translation>
    </message>
    <message>
        <source>Keep the cash until it is settled: press Enter to ask again.</source>
        <translation>Keep the cash until it is settled: press Enter to ask again.</translation>
    </message>
    <message>
        <source>Hand the cash back.</source>
        <translation>Hand the cash back.</translation>
    </message>
    <message>
        <source>The drawer could not record it: %1</source>
        <translation>The drawer could not record it: %1</translation>
    </message>
    <message>
        <source>Cart cleared: the seats were released on usherd.</source>
        <translation>Cart cleared: the seats were released on usherd.</translation>
    </message>
    <message>
        <source>Cart cleared. usherd did not confirm the release: its hold runs out by itself.</source>
        <translation>Cart cleared. usherd did not confirm the release: its hold runs out by itself.</translation>
    </message>
    <message>
        <source>The hold on usherd expired: the seats went back on sale and the cart is empty.</source>
        <translation>The hold on usherd expired: the seats went back on sale and the cart is empty.</translation>
    </message>
    <message>
        <source>Paid, but the sale could not be journaled for usherd, so no ticket was issued: %1 Press Enter to try again.</source>
        <extracomment>%1 why the sync outbox could not journal the sale.</extracomment>
        <translation>Paid, but the sale could not be journaled for usherd, so no ticket was issued: %1 Press Enter to try again.</translation>
    </message>
    <message>
        <source>Sync operation %1: it reaches usherd with the next upload.</source>
        <extracomment>%1 the sync operation&apos;s id (the order&apos;s reference on usherd is &quot;sync:&quot; and this id).</extracomment>
        <translation>Sync operation %1: it reaches usherd with the next upload.</translation>
    </message>
    <message>
        <source>usherd changed this event: the counter shows its new prices and times.</source>
        <translation>usherd changed this event: the counter shows its new prices and times.</translation>
    </message>
    <message>
        <source>The card is already charged for these seats: press the card key to ask usherd again.</source>
        <translation>The card is already charged for these seats: press the card key to ask usherd again.</translation>
    </message>
    <message>
        <source>Seats sold through usherd are paid in cash or by card at the counter.</source>
        <translation>Seats sold through usherd are paid in cash or by card at the counter.</translation>
    </message>
    <message>
        <source>Change due: %1.</source>
        <extracomment>%1 is the change due.</extracomment>
        <translation>Change due: %1.</translation>
    </message>
    <message>
        <source>Asking usherd again to sell the seats…</source>
        <translation>Asking usherd again to sell the seats…</translation>
    </message>
    <message>
        <source>Waiting for the card terminal, then usherd…</source>
        <translation>Waiting for the card terminal, then usherd…</translation>
    </message>
    <message>
        <source>Check payment %1 on the terminal and reverse it there if it went through.</source>
        <translation>Check payment %1 on the terminal and reverse it there if it went through.</translation>
    </message>
    <message>
        <source>The card is charged (%1): press the card key to ask usherd again; it never charges twice.</source>
        <extracomment>%1 is the card terminal&apos;s reference of the payment.</extracomment>
        <translation>The card is charged (%1): press the card key to ask usherd again; it never charges twice.</translation>
    </message>
    <message>
        <source>The card payment was reversed.</source>
        <translation>The card payment was reversed.</translation>
    </message>
    <message>
        <source>The card payment %1 could not be reversed: reverse it on the terminal by hand.</source>
        <translation>The card payment %1 could not be reversed: reverse it on the terminal by hand.</translation>
    </message>
    <message>
        <source>Paid by card (%1).</source>
        <extracomment>%1 is the card terminal&apos;s reference of the payment.</extracomment>
        <translation>Paid by card (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Sold through usherd: order %1, %n ticket(s). %3</source>
        <extracomment>%1 central&apos;s order number, %2 count of tickets, %3 how it was paid (change due, card reference).</extracomment>
        <translation>
            <numerusform>Sold through usherd: order %1, %n ticket. %3</numerusform>
            <numerusform>Sold through usherd: order %1, %n tickets. %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Tickets %1.</source>
        <extracomment>%1 where the tickets went (e.g. &quot;printed on Thermal-1&quot;).</extracomment>
        <translation>Tickets %1.</translation>
    </message>
    <message>
        <source>usherd sent no ticket codes: print the tickets from usherd.</source>
        <translation>usherd sent no ticket codes: print the tickets from usherd.</translation>
    </message>
    <message>
        <source>The tickets could not be issued: %1 Print them with Ctrl+P.</source>
        <extracomment>%1 the reason the tickets could not be printed or saved.</extracomment>
        <translation>The tickets could not be issued: %1 Print them with Ctrl+P.</translation>
    </message>
    <message>
        <source>The card is charged and usherd has not answered the sale yet: press the card key to ask usherd again before clearing the cart.</source>
        <translation>The card is charged and usherd has not answered the sale yet: press the card key to ask usherd again before clearing the cart.</translation>
    </message>
    <message>
        <source>Hold: ask usherd</source>
        <translation>Hold: ask usherd</translation>
    </message>
    <message>
        <source>Standing places (Ctrl+G)</source>
        <translation>Standing places (Ctrl+G)</translation>
    </message>
    <message>
        <source>The standing area to sell places of</source>
        <translation>The standing area to sell places of</translation>
    </message>
    <message>
        <source>How many places; Enter adds them to the cart</source>
        <translation>How many places; Enter adds them to the cart</translation>
    </message>
    <message>
        <source>Add &amp;places</source>
        <translation>Add &amp;places</translation>
    </message>
    <message>
        <source>This event has no standing areas.</source>
        <translation>This event has no standing areas.</translation>
    </message>
    <message>
        <source>Held through usherd: these places are beyond this box office&apos;s allocation. Take the payment (cash or card); the sale counts once usherd confirms it.</source>
        <translation>Held through usherd: these places are beyond this box office&apos;s allocation. Take the payment (cash or card); the sale counts once usherd confirms it.</translation>
    </message>
    <message>
        <source>Held through usherd: these seats are not this box office&apos;s. Take the payment (cash or card); the sale counts once usherd confirms it.</source>
        <translation>Held through usherd: these seats are not this box office&apos;s. Take the payment (cash or card); the sale counts once usherd confirms it.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ScriptedMetricsFeed</name>
    <message>
        <source>scripted</source>
        <translation>scripted</translation>
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
<context>
    <name>usher::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <extracomment>%1 is the system&apos;s language in that language, e.g. &quot;Deutsch&quot;.</extracomment>
        <translation>System default (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>A new language takes effect when Usher starts again.</source>
        <translation>A new language takes effect when Usher starts again.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ShiftCloseDialog</name>
    <message>
        <source>Close the shift</source>
        <translation>Close the shift</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer, float included, and enter the total. The Z report then shows what the drawer should hold and the difference. Closing cannot be undone: the shift takes no more sales.</source>
        <translation>Count every note and coin in the drawer, float included, and enter the total. The Z report then shows what the drawer should hold and the difference. Closing cannot be undone: the shift takes no more sales.</translation>
    </message>
    <message>
        <source>e.g. 250.00</source>
        <translation>e.g. 250.00</translation>
    </message>
    <message>
        <source>&amp;Counted cash (%1):</source>
        <translation>&amp;Counted cash (%1):</translation>
    </message>
    <message>
        <source>Close &amp;shift</source>
        <translation>Close &amp;shift</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the counted cash as an amount, e.g. 250.00.</source>
        <translation>Enter the counted cash as an amount, e.g. 250.00.</translation>
    </message>
    <message>
        <source>Close the shift with %1 counted? This cannot be undone.</source>
        <translation>Close the shift with %1 counted? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>usher::ui::ShiftReportDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>Print the report (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Save &amp;CSV…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>Save the report as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>Sent to the printer %1.</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>Printing failed.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SignInPage</name>
    <message>
        <source>Sign in to the box office</source>
        <translation>Sign in to the box office</translation>
    </message>
    <message>
        <source>This box office has no account yet. Create the administrator&apos;s account first; it can sell at the counter and open every view.</source>
        <translation>This box office has no account yet. Create the administrator&apos;s account first; it can sell at the counter and open every view.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Repeat the password:</translation>
    </message>
    <message>
        <source>Create the administrator account</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Create and sign in</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Enter your login.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Enter the administrator&apos;s name.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>The two passwords differ. Type the password again.</translation>
    </message>
</context>
<context>
    <name>usher::ui::StaffDialog</name>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>Promoter</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation>New pass&amp;word:</translation>
    </message>
    <message>
        <source>Set password and &amp;unlock</source>
        <translation>Set password and &amp;unlock</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>lower-case letters, digits, . - _</source>
        <translation>lower-case letters, digits, . - _</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Repeat the password:</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Create account</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <extracomment>%1 is a time of day.</extracomment>
        <translation>locked until %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only, a name is required, and a password needs 8 to 256 bytes.</source>
        <translation>A login uses lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; only, a name is required, and a password needs 8 to 256 bytes.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the password again.</source>
        <translation>The two passwords differ. Type the password again.</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <extracomment>%1 is a login.</extracomment>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation>Account %1 enabled.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <source>New password set for %1; the account is unlocked.</source>
        <translation>New password set for %1; the account is unlocked.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncEnrolDialog</name>
    <message>
        <source>Enrol this box office with usherd</source>
        <translation>Enrol this box office with usherd</translation>
    </message>
    <message>
        <source>An administrator creates this box office as a device in usherd and gives you its name, token and channel.</source>
        <translation>An administrator creates this box office as a device in usherd and gives you its name, token and channel.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Device:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Enrol</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncPendingDialog</name>
    <message>
        <source>Operations for usherd</source>
        <translation>Operations for usherd</translation>
    </message>
    <message>
        <source>&amp;Pending only</source>
        <translation>&amp;Pending only</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>not applied here yet</source>
        <translation>not applied here yet</translation>
    </message>
    <message>
        <source>void (refused here), acknowledged</source>
        <translation>void (refused here), acknowledged</translation>
    </message>
    <message>
        <source>void (refused here), pending</source>
        <translation>void (refused here), pending</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>rejected by usherd: %1</source>
        <extracomment>%1 says why, e.g. &quot;the seat is no longer available&quot;.</extracomment>
        <translation>rejected by usherd: %1</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>Could not read the outbox: %1</source>
        <extracomment>%1 is the reason.</extracomment>
        <translation>Could not read the outbox: %1</translation>
    </message>
    <message>
        <source>Nothing is waiting for usherd.</source>
        <translation>Nothing is waiting for usherd.</translation>
    </message>
    <message>
        <source>No operation was made here yet.</source>
        <translation>No operation was made here yet.</translation>
    </message>
    <message>
        <source>The first %1 are shown; the export has all of them.</source>
        <extracomment>%1 is a number of rows.</extracomment>
        <translation>The first %1 are shown; the export has all of them.</translation>
    </message>
    <message numerus="yes">
        <source>%n operations shown.</source>
        <translation>
            <numerusform>%n operation shown.</numerusform>
            <numerusform>%n operations shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>%1 is a file, %2 the reason.</extracomment>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Export the operations</source>
        <translation>Export the operations</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <extracomment>%1 is a file.</extracomment>
        <translation>Exported to %1.</translation>
    </message>
</context>
<context>
    <name>usher::ui::SyncStatusWidget</name>
    <message>
        <source>Pending…</source>
        <translation>Pending…</translation>
    </message>
    <message>
        <source>Show the operations waiting for usherd</source>
        <translation>Show the operations waiting for usherd</translation>
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
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Not syncing</translation>
    </message>
    <message>
        <source>Refused by usherd</source>
        <translation>Refused by usherd</translation>
    </message>
    <message>
        <source>Offline (paused)</source>
        <translation>Offline (paused)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n pending, oldest %2</source>
        <extracomment>%1 is the state, %n the number of operations, %2 the age of the oldest (&quot;3 min&quot;).</extracomment>
        <translation>
            <numerusform>%1 · %n pending, oldest %2</numerusform>
            <numerusform>%1 · %n pending, oldest %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n rejected</source>
        <extracomment>%1 is the rest of the status line, %n the number of operations usherd refused.</extracomment>
        <translation>
            <numerusform>%1 · %n rejected</numerusform>
            <numerusform>%1 · %n rejected</numerusform>
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
            <numerusform>%n connection attempt failed.</numerusform>
            <numerusform>%n connection attempts failed in a row.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every seat can be sold: this box office&apos;s allocation here, the rest through usherd.</source>
        <translation>Every seat can be sold: this box office&apos;s allocation here, the rest through usherd.</translation>
    </message>
    <message>
        <source>usherd is unreachable: only the seats allocated to this box office can be sold. They upload when the connection is back.</source>
        <translation>usherd is unreachable: only the seats allocated to this box office can be sold. They upload when the connection is back.</translation>
    </message>
    <message numerus="yes">
        <source>usherd refused %n operations: open the pending operations to see them.</source>
        <translation>
            <numerusform>usherd refused %n operation: open the pending operations to see it.</numerusform>
            <numerusform>usherd refused %n operations: open the pending operations to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n allocation changes from usherd could not be applied here: tell an administrator.</source>
        <translation>
            <numerusform>%n allocation change from usherd could not be applied here: tell an administrator.</numerusform>
            <numerusform>%n allocation changes from usherd could not be applied here: tell an administrator.</numerusform>
        </translation>
    </message>
    <message>
        <source>The box office is not syncing with usherd.</source>
        <translation>The box office is not syncing with usherd.</translation>
    </message>
    <message>
        <source>This box office is not enrolled with usherd (Sync ▸ Enrol with usherd).</source>
        <translation>This box office is not enrolled with usherd (Sync ▸ Enrol with usherd).</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>&amp;Pending operations…</source>
        <translation>&amp;Pending operations…</translation>
    </message>
    <message>
        <source>&amp;Enrol with usherd…</source>
        <translation>&amp;Enrol with usherd…</translation>
    </message>
</context>
<context>
    <name>usher::ui::UserGuideWindow</name>
    <message>
        <source>%1 is not part of the built-in guide: it is in the docs folder of Usher&apos;s sources.</source>
        <extracomment>%1 is a file name such as docs/venue-format.md.</extracomment>
        <translation>%1 is not part of the built-in guide: it is in the docs folder of Usher&apos;s sources.</translation>
    </message>
    <message>
        <source>Usher user guide</source>
        <translation>Usher user guide</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contents</translation>
    </message>
</context>
<context>
    <name>usher::ui::UsherdMetricsFeed</name>
    <message>
        <source>usherd answered %1.</source>
        <extracomment>%1 is an HTTP status code, %2 the server&apos;s explanation.</extracomment>
        <translation>usherd answered %1.</translation>
    </message>
    <message>
        <source>usherd answered %1: %2</source>
        <translation>usherd answered %1: %2</translation>
    </message>
    <message>
        <source>usherd %1</source>
        <extracomment>%1 is host:port.</extracomment>
        <translation>usherd %1</translation>
    </message>
    <message>
        <source>usherd cannot be reached: %1</source>
        <extracomment>%1 is the reason, e.g. &quot;Connection refused&quot;.</extracomment>
        <translation>usherd cannot be reached: %1</translation>
    </message>
    <message>
        <source>usherd applied the change.</source>
        <translation>usherd applied the change.</translation>
    </message>
    <message>
        <source>this event&apos;s seats (sales and revenue need a staff token); 409s and 429s: server-wide</source>
        <translation>this event&apos;s seats (sales and revenue need a staff token); 409s and 429s: server-wide</translation>
    </message>
    <message>
        <source>this event (reading its orders: %1 so far); 409s and 429s: server-wide</source>
        <extracomment>%1 is a number of orders.</extracomment>
        <translation>this event (reading its orders: %1 so far); 409s and 429s: server-wide</translation>
    </message>
    <message>
        <source>this event, from its seats and orders; 409s and 429s: server-wide</source>
        <translation>this event, from its seats and orders; 409s and 429s: server-wide</translation>
    </message>
</context>
<context>
    <name>usher::ui::VenueDesigner</name>
    <message>
        <source>Left to right (1 2 3)</source>
        <translation>Left to right (1 2 3)</translation>
    </message>
    <message>
        <source>Right to left (3 2 1)</source>
        <translation>Right to left (3 2 1)</translation>
    </message>
    <message>
        <source>Odd (1 3 5)</source>
        <translation>Odd (1 3 5)</translation>
    </message>
    <message>
        <source>Even (2 4 6)</source>
        <translation>Even (2 4 6)</translation>
    </message>
    <message>
        <source>Odd/even from the centre (5 3 1 2 4)</source>
        <translation>Odd/even from the centre (5 3 1 2 4)</translation>
    </message>
    <message>
        <source>Duplicate label</source>
        <translation>Duplicate label</translation>
    </message>
    <message>
        <source>Overlapping seats</source>
        <translation>Overlapping seats</translation>
    </message>
    <message>
        <source>Duplicate row</source>
        <translation>Duplicate row</translation>
    </message>
    <message>
        <source>Duplicate section</source>
        <translation>Duplicate section</translation>
    </message>
    <message>
        <source>Duplicate category</source>
        <translation>Duplicate category</translation>
    </message>
    <message>
        <source>Empty section</source>
        <translation>Empty section</translation>
    </message>
    <message>
        <source>Nothing to sell</source>
        <translation>Nothing to sell</translation>
    </message>
    <message>
        <source>Missing name</source>
        <translation>Missing name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Standing area</source>
        <translation>Standing area</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Text too long</source>
        <translation>Text too long</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>New venue</translation>
    </message>
    <message>
        <source>Category A</source>
        <translation>Category A</translation>
    </message>
    <message>
        <source>Category B</source>
        <translation>Category B</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>&amp;Rows</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Seats</translation>
    </message>
    <message>
        <source>&amp;Areas &amp;&amp; stage</source>
        <translation>&amp;Areas &amp;&amp; stage</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Delete seats</source>
        <translation>Delete seats</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Use for an event</source>
        <translation>Use for an event</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>C&amp;ity:</translation>
    </message>
    <message>
        <source>Rename the venue</source>
        <translation>Rename the venue</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Section name, e.g. Stalls</source>
        <translation>Section name, e.g. Stalls</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Rename section</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>Delete section</translation>
    </message>
    <message>
        <source>Price categories</source>
        <translation>Price categories</translation>
    </message>
    <message>
        <source>Category name, e.g. Premium</source>
        <translation>Category name, e.g. Premium</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Add category</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Category %1</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>S&amp;ection:</source>
        <translation>S&amp;ection:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Rows:</translation>
    </message>
    <message>
        <source>Seats per &amp;row:</source>
        <translation>Seats per &amp;row:</translation>
    </message>
    <message>
        <source>Seat spacing:</source>
        <translation>Seat spacing:</translation>
    </message>
    <message>
        <source>Row spacing:</source>
        <translation>Row spacing:</translation>
    </message>
    <message>
        <source>C&amp;urvature:</source>
        <translation>C&amp;urvature:</translation>
    </message>
    <message>
        <source>Ro&amp;tation:</source>
        <translation>Ro&amp;tation:</translation>
    </message>
    <message>
        <source>Centre of the first row (x, y):</source>
        <translation>Centre of the first row (x, y):</translation>
    </message>
    <message>
        <source>&amp;First row:</source>
        <translation>&amp;First row:</translation>
    </message>
    <message>
        <source>&amp;Numbering:</source>
        <translation>&amp;Numbering:</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>First number:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Prefix:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <source>Live preview on the map</source>
        <translation>Live preview on the map</translation>
    </message>
    <message>
        <source>&amp;Add rows</source>
        <translation>&amp;Add rows</translation>
    </message>
    <message>
        <source>Click seats to select them, Shift+drag for a rectangle, double-click for a row.</source>
        <translation>Click seats to select them, Shift+drag for a rectangle, double-click for a row.</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>Price category</translation>
    </message>
    <message>
        <source>&amp;Paint</source>
        <translation>&amp;Paint</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Wheelchair</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Companion</translation>
    </message>
    <message>
        <source>Restricted view</source>
        <translation>Restricted view</translation>
    </message>
    <message>
        <source>Aisle</source>
        <translation>Aisle</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Renumber the selected rows</source>
        <translation>Renumber the selected rows</translation>
    </message>
    <message>
        <source>Renumber</source>
        <translation>Renumber</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Scheme:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Prefix:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Rename row</source>
        <translation>Rename row</translation>
    </message>
    <message>
        <source>&amp;Delete the selected seats</source>
        <translation>&amp;Delete the selected seats</translation>
    </message>
    <message>
        <source>Standing areas</source>
        <translation>Standing areas</translation>
    </message>
    <message>
        <source>e.g. Standing</source>
        <translation>e.g. Standing</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacity:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Change standing area</source>
        <translation>Change standing area</translation>
    </message>
    <message>
        <source>Delete standing area</source>
        <translation>Delete standing area</translation>
    </message>
    <message>
        <source>Stage or focal point</source>
        <translation>Stage or focal point</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Set stage</source>
        <translation>Set stage</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>Front centre (x, y):</source>
        <translation>Front centre (x, y):</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Width:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Depth:</translation>
    </message>
    <message>
        <source>Check the design before you export it.</source>
        <translation>Check the design before you export it.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Section %1</translation>
    </message>
    <message numerus="yes">
        <source>Add %n row(s)</source>
        <translation>
            <numerusform>Add %n row</numerusform>
            <numerusform>Add %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paint %n seat(s)</source>
        <translation>
            <numerusform>Paint %n seat</numerusform>
            <numerusform>Paint %n seats</numerusform>
        </translation>
    </message>
    <message>
        <source>Set flags</source>
        <translation>Set flags</translation>
    </message>
    <message>
        <source>Clear flags</source>
        <translation>Clear flags</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n seat(s)</source>
        <translation>
            <numerusform>Delete %n seat</numerusform>
            <numerusform>Delete %n seats</numerusform>
        </translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Standing</translation>
    </message>
    <message>
        <source>Add standing area</source>
        <translation>Add standing area</translation>
    </message>
    <message>
        <source>%1 · rows: %L2 · seats: %L3</source>
        <translation>%1 · rows: %L2 · seats: %L3</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (key %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln place(s)</source>
        <translation>
            <numerusform>%1 — %Ln place</numerusform>
            <numerusform>%1 — %Ln places</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · seats: %L2 · sections: %L3 · standing places: %L4</source>
        <translation>%1 · seats: %L2 · sections: %L3 · standing places: %L4</translation>
    </message>
    <message>
        <source>No seats selected.</source>
        <translation>No seats selected.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln seat(s) selected in %1 row(s).</source>
        <translation>
            <numerusform>%Ln seat selected (rows: %1).</numerusform>
            <numerusform>%Ln seats selected (rows: %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a section first (Venue tab).</source>
        <translation>Add a section first (Venue tab).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Select to show the %n seat(s) on the map</source>
        <translation>
            <numerusform>Select to show the %n seat on the map</numerusform>
            <numerusform>Select to show the %n seats on the map</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the venue can be exported.</source>
        <translation>No problems: the venue can be exported.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before the venue can be saved. Select one to see its seats.</source>
        <translation>
            <numerusform>%n problem to fix before the venue can be saved. Select one to see its seats.</numerusform>
            <numerusform>%n problems to fix before the venue can be saved. Select one to see its seats.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue files (*.json)</source>
        <translation>Venue files (*.json)</translation>
    </message>
    <message>
        <source>Venue files (*.json *.csv)</source>
        <translation>Venue files (*.json *.csv)</translation>
    </message>
    <message>
        <source>Export venue</source>
        <translation>Export venue</translation>
    </message>
    <message>
        <source>Import venue</source>
        <translation>Import venue</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>The venue cannot be saved: %1</source>
        <translation>The venue cannot be saved: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::VoidDialog</name>
    <message>
        <source>Void order %1</source>
        <translation>Void order %1</translation>
    </message>
    <message>
        <source>A void cancels the whole order sold in this shift: every ticket stops being valid and the money goes back exactly as it was paid (cash from the drawer, card payments reversed on the terminal).</source>
        <translation>A void cancels the whole order sold in this shift: every ticket stops being valid and the money goes back exactly as it was paid (cash from the drawer, card payments reversed on the terminal).</translation>
    </message>
    <message>
        <source>Required, e.g. wrong date sold</source>
        <translation>Required, e.g. wrong date sold</translation>
    </message>
    <message>
        <source>Supervisor lo&amp;gin:</source>
        <translation>Supervisor lo&amp;gin:</translation>
    </message>
    <message>
        <source>&amp;Void order</source>
        <translation>&amp;Void order</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>This order cannot be voided: only an order sold at this counter in your open shift, with every ticket still valid, can be. Refund it instead.</source>
        <translation>This order cannot be voided: only an order sold at this counter in your open shift, with every ticket still valid, can be. Refund it instead.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s), %1 in all, sale %2.</source>
        <translation>
            <numerusform>%n ticket, %1 in all, sale %2.</numerusform>
            <numerusform>%n tickets, %1 in all, sale %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash: hand %1 back from the drawer.</source>
        <translation>Cash: hand %1 back from the drawer.</translation>
    </message>
    <message>
        <source>Card: %1 reversed on the terminal (payment %2).</source>
        <translation>Card: %1 reversed on the terminal (payment %2).</translation>
    </message>
    <message>
        <source>%1: %2 written back.</source>
        <translation>%1: %2 written back.</translation>
    </message>
    <message>
        <source>Void the whole order %1? This cannot be undone.</source>
        <translation>Void the whole order %1? This cannot be undone.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 is void: %n ticket(s) no longer valid.</source>
        <translation>
            <numerusform>Order %1 is void: %n ticket no longer valid.</numerusform>
            <numerusform>Order %1 is void: %n tickets no longer valid.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand %1 in cash to the customer.</source>
        <translation>Hand %1 in cash to the customer.</translation>
    </message>
    <message>
        <source>%1 reversed on the card.</source>
        <translation>%1 reversed on the card.</translation>
    </message>
    <message>
        <source>The tickets are void, but the terminal did not reverse %1 (payment %2). Refund it on the terminal by hand or pay it in cash (Cash out, with the payment reference as the note).</source>
        <translation>The tickets are void, but the terminal did not reverse %1 (payment %2). Refund it on the terminal by hand or pay it in cash (Cash out, with the payment reference as the note).</translation>
    </message>
    <message>
        <source>Nothing was voided: the void could not be journaled for usherd: %1</source>
        <extracomment>%1 why the sync outbox could not journal the void.</extracomment>
        <translation>Nothing was voided: the void could not be journaled for usherd: %1</translation>
    </message>
</context>
<context>
    <name>usher::ui::WaitingRoomChanges</name>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <source>Waiting room on</source>
        <translation>Waiting room on</translation>
    </message>
    <message>
        <source>Waiting room off</source>
        <translation>Waiting room off</translation>
    </message>
    <message>
        <source>Drain rate %1/s</source>
        <translation>Drain rate %1/s</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Waiting-room changes recorded by %1.</source>
        <translation>Waiting-room changes recorded by %1.</translation>
    </message>
    <message>
        <source>usherd&apos;s waiting-room changes are not available: HTTP %1: %2</source>
        <translation>usherd&apos;s waiting-room changes are not available: HTTP %1: %2</translation>
    </message>
    <message>
        <source>usherd&apos;s waiting-room changes are not available: %1</source>
        <translation>usherd&apos;s waiting-room changes are not available: %1</translation>
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
        <translation>Applied</translation>
    </message>
    <message>
        <source>Refused (HTTP %1)</source>
        <translation>Refused (HTTP %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting-room change(s) recorded by %1.</source>
        <translation>
            <numerusform>%Ln waiting-room change recorded by %1.</numerusform>
            <numerusform>%Ln waiting-room changes recorded by %1.</numerusform>
        </translation>
    </message>
</context>
</TS>

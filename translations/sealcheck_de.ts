<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MessageList</name>
    <message>
        <location filename="../ui/MessageColumns.cpp" line="+12"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="+60"/>
        <source>Checks who really sent your e-mail.</source>
        <translation>Prüft, wer Ihre E-Mail wirklich gesendet hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the built-in demo mailbox.</source>
        <translation>Das eingebaute Demo-Postfach öffnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a picture of the window once it has settled, then exit.</source>
        <translation>Ein Bild des Fensters speichern, sobald es fertig aufgebaut ist, und dann beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a dark palette.</source>
        <translation>Dunkle Farben verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the first message with this verdict.</source>
        <translation>Die erste Nachricht mit dieser Bewertung auswählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages to inspect (.eml, mbox).</source>
        <translation>Zu prüfende Nachrichten (.eml, mbox).</translation>
    </message>
</context>
<context>
    <name>sealcheck::AccountSync</name>
    <message>
        <location filename="../app/core/AccountSync.cpp" line="+119"/>
        <source>This mailbox is already being synchronised.</source>
        <translation>Dieses Postfach wird bereits synchronisiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+335"/>
        <source>The local message store cannot be opened.</source>
        <translation>Der lokale Nachrichtenspeicher kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="-330"/>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The password of %1 could not be read from the keychain: %2</source>
        <translation>Das Passwort für %1 konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The server refused the user name or password. Check both and try again.</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort abgelehnt. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not be found or refused the connection. Check the host name and port.</source>
        <translation>Der Server wurde nicht gefunden oder hat die Verbindung abgelehnt. Prüfen Sie den Servernamen und den Port.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not answer in time. Check the host name and port, or try again later.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie den Servernamen und den Port, oder versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s certificate is not trusted: it is not signed by a known authority or does not name this server. Someone may be intercepting the connection.</source>
        <translation>Das Zertifikat des Servers ist nicht vertrauenswürdig: Es ist nicht von einer bekannten Zertifizierungsstelle signiert, oder es nennt diesen Server nicht. Möglicherweise fängt jemand die Verbindung ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A secure connection could not be set up with the server.</source>
        <translation>Es konnte keine sichere Verbindung zum Server aufgebaut werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not offer STARTTLS, so the connection would not be encrypted. Try implicit TLS (port 993).</source>
        <translation>Der Server bietet kein STARTTLS an, die Verbindung wäre also nicht verschlüsselt. Versuchen Sie implizites TLS (Port 993).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not allow logging in with a password on this connection.</source>
        <translation>Der Server erlaubt auf dieser Verbindung keine Anmeldung mit Passwort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server closed the connection.</source>
        <translation>Der Server hat die Verbindung getrennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mailbox does not exist on the server.</source>
        <translation>Das Postfach existiert auf dem Server nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server answered in an unexpected way: %1</source>
        <translation>Der Server hat unerwartet geantwortet: %1</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>The local message store could not be written: %1</source>
        <translation>In den lokalen Nachrichtenspeicher konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui</name>
    <message>
        <location filename="../ui/FindingText.cpp" line="+17"/>
        <source>The DKIM signature by %1 is valid, covers the whole message and matches the sender&apos;s domain.</source>
        <translation>Die DKIM-Signatur von %1 ist gültig, deckt die ganze Nachricht ab und passt zur Domain des Absenders.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sending server is authorised by the SPF record of %1, which matches the sender&apos;s domain.</source>
        <translation>Der sendende Server ist durch den SPF-Eintrag von %1 berechtigt, und diese Domain passt zur Domain des Absenders.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your provider %1 confirmed the sender when the message arrived; the sender has since withdrawn the key, so it cannot be checked again.</source>
        <translation>Ihr Anbieter %1 hat den Absender beim Eingang der Nachricht bestätigt; der Absender hat den Schlüssel inzwischen zurückgezogen, daher lässt sich das nicht erneut prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The S/MIME signature by %1 is valid, trusted, and covers the whole message.</source>
        <translation>Die S/MIME-Signatur von %1 ist gültig, vertrauenswürdig und deckt die ganze Nachricht ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The OpenPGP signature by %1 is valid, from a key you trust, and covers the whole message.</source>
        <translation>Die OpenPGP-Signatur von %1 ist gültig, stammt von einem Schlüssel, dem Sie vertrauen, und deckt die ganze Nachricht ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing proves this message comes from %1, and its owner asks receivers to refuse such mail.</source>
        <translation>Nichts belegt, dass diese Nachricht von %1 stammt, und der Inhaber dieser Domain bittet Empfänger, solche E-Mails abzulehnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature is invalid: the message was changed after signing, or the signature is broken.</source>
        <translation>Die %1-Signatur ist ungültig: Die Nachricht wurde nach dem Signieren verändert, oder die Signatur ist beschädigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature belongs to %2, not to the sender shown.</source>
        <translation>Die %1-Signatur gehört zu %2, nicht zum angezeigten Absender.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message has %1 sender fields; your mail program may show a different sender from the one checked.</source>
        <translation>Die Nachricht hat %1 Absenderfelder; Ihr E-Mail-Programm zeigt möglicherweise einen anderen Absender an als den geprüften.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender field names several senders; only one can be checked.</source>
        <translation>Das Absenderfeld nennt mehrere Absender; nur einer davon kann geprüft werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender field can be read in two ways; it is built to fool mail programs.</source>
        <translation>Das Absenderfeld lässt sich auf zwei Arten lesen; es ist darauf angelegt, E-Mail-Programme zu täuschen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message has no sender field.</source>
        <translation>Die Nachricht hat kein Absenderfeld.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender field cannot be read as an e-mail address.</source>
        <translation>Das Absenderfeld lässt sich nicht als E-Mail-Adresse lesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your provider %1 reported that the sender could not be confirmed.</source>
        <translation>Ihr Anbieter %1 hat gemeldet, dass der Absender nicht bestätigt werden konnte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing proves this message comes from %1 (its owner only monitors, so it was delivered anyway).</source>
        <translation>Nichts belegt, dass diese Nachricht von %1 stammt (der Inhaber dieser Domain beobachtet nur, daher wurde sie trotzdem zugestellt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender&apos;s name shows %1, but the message comes from %2.</source>
        <translation>Der Name des Absenders zeigt %1, die Nachricht kommt aber von %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender&apos;s domain %1 looks like %2 but is a different domain.</source>
        <translation>Die Domain des Absenders, %1, sieht aus wie %2, ist aber eine andere Domain.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender contains invisible, control or direction-changing characters.</source>
        <translation>Der Absender enthält unsichtbare Zeichen, Steuerzeichen oder Zeichen, die die Schreibrichtung ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature covers only part of the message; not signed: %2.</source>
        <translation>Die %1-Signatur deckt nur einen Teil der Nachricht ab; nicht signiert: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your provider&apos;s report and Sealcheck&apos;s own check disagree: %1</source>
        <translation>Der Bericht Ihres Anbieters und die eigene Prüfung von Sealcheck stimmen nicht überein: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replies go to %1, another organisation than the sender %2.</source>
        <translation>Antworten gehen an %1, eine andere Organisation als der Absender %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Sender field names %1, another organisation than the sender shown.</source>
        <translation>Das Feld „Sender“ nennt %1, eine andere Organisation als der angezeigte Absender.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM signature by %1 covers only part of the message (%2).</source>
        <translation>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check failed after forwarding, but %1, a forwarder you trust, recorded that it passed when the message reached it.</source>
        <translation>Die Prüfung ist nach einer Weiterleitung fehlgeschlagen, aber %1, ein Weiterleitungsdienst, dem Sie vertrauen, hat festgehalten, dass sie beim Eingang der Nachricht dort erfolgreich war.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/VerdictStyle.cpp" line="+66"/>
        <source>Nothing proves who sent this message.</source>
        <translation>Nichts belegt, wer diese Nachricht gesendet hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 publishes no DMARC policy, so its mail cannot be authenticated.</source>
        <translation>%1 veröffentlicht keine DMARC-Richtlinie, daher können E-Mails von dort nicht authentifiziert werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender could not be checked now (DNS error); try again later.</source>
        <translation>Der Absender konnte gerade nicht geprüft werden (DNS-Fehler); versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 is only %2 bits long.</source>
        <translation>Der DKIM-Schlüssel von %1 ist nur %2 Bit lang.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 is marked as being tested.</source>
        <translation>Der DKIM-Schlüssel von %1 ist als Testschlüssel markiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DNS answers were not protected by DNSSEC.</source>
        <translation>Die DNS-Antworten waren nicht durch DNSSEC geschützt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The header contains malformed lines (%1).</source>
        <translation>Der Nachrichtenkopf enthält fehlerhafte Zeilen (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Authentication-Results field(s) were not trusted (%2).</source>
        <translation>Authentication-Results-Felder, denen Sealcheck nicht vertraut: %1 (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1, which is not the sender&apos;s domain; this does not vouch for the sender.</source>
        <translation>Signiert von %1, also nicht von der Domain des Absenders; das bürgt nicht für den Absender.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 (selector %2) is no longer published; the signature was verified with the key published on %3, which Sealcheck remembered.</source>
        <translation>Der DKIM-Schlüssel von %1 (Selektor %2) wird nicht mehr veröffentlicht; die Signatur wurde mit dem am %3 veröffentlichten Schlüssel geprüft, den sich Sealcheck gemerkt hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 (selector %2) differs from the one Sealcheck saw there before.</source>
        <translation>Der DKIM-Schlüssel von %1 (Selektor %2) unterscheidet sich von dem, den Sealcheck dort zuvor gesehen hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 (selector %2) differs from the key you pinned.</source>
        <translation>Der DKIM-Schlüssel von %1 (Selektor %2) unterscheidet sich von dem Schlüssel, den Sie fest hinterlegt haben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 always signs its mail, but this message has no valid signature by it.</source>
        <translation>%1 signiert E-Mails immer, aber diese Nachricht trägt keine gültige Signatur dieses Absenders.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1, which you accepted as the sending service of %2; the signature is valid and covers the whole message.</source>
        <translation>Signiert von %1, den Sie als Versanddienst von %2 zugelassen haben; die Signatur ist gültig und deckt die ganze Nachricht ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature by %1 verifies only with a key Sealcheck remembered from %2, which was not published when this message arrived; it does not count.</source>
        <translation>Die Signatur von %1 lässt sich nur mit einem Schlüssel bestätigen, den Sealcheck seit dem %2 kennt und der beim Eingang dieser Nachricht nicht veröffentlicht war; sie zählt daher nicht.</translation>
    </message>
    <message>
        <location filename="../ui/VerdictStyle.cpp" line="-15"/>
        <source>Authenticated</source>
        <translation>Authentifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forged</source>
        <translation>Gefälscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspicious</source>
        <translation>Verdächtig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unauthenticated</source>
        <translation>Nicht authentifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This message really comes from the sender shown.</source>
        <translation>Diese Nachricht stammt wirklich vom angezeigten Absender.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This message is forged: it does not come from the sender shown.</source>
        <translation>Diese Nachricht ist gefälscht – sie stammt nicht vom angezeigten Absender.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be careful: this message tries to look like something it is not.</source>
        <translation>Vorsicht: Diese Nachricht gibt sich als etwas aus, das sie nicht ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This message is being checked.</source>
        <translation>Diese Nachricht wird geprüft.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::AccountDialog</name>
    <message>
        <location filename="../ui/AccountDialog.cpp" line="+43"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server certificate</source>
        <translation>Serverzertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark forged messages with the $Phishing keyword</source>
        <translation>Gefälschte Nachrichten mit dem Schlagwort $Phishing markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Implicit TLS (recommended)</source>
        <translation>Implizites TLS (empfohlen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One per line. Empty: no Authentication-Results field is believed.</source>
        <translation>Einer pro Zeile. Leer: Keinem Authentication-Results-Feld wird vertraut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One host name per line</source>
        <translation>Ein Servername pro Zeile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;curity:</source>
        <translation>&amp;Verbindungssicherheit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password is kept in your system keychain, never in Sealcheck&apos;s files.</source>
        <translation>Das Passwort wird im Schlüsselbund Ihres Systems aufbewahrt, nie in den Dateien von Sealcheck.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trusted authentication servers:</source>
        <translation>Vertrauenswürdige Authentifizierungsserver:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trusted relays:</source>
        <translation>Vertrauenswürdige Relay-Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiving servers of your provider. Filled from the topmost Received fields of your mail after the first synchronisation; edit it if it is wrong.</source>
        <translation>Die Empfangsserver Ihres Anbieters. Die Liste wird nach der ersten Synchronisierung aus den obersten Received-Feldern Ihrer E-Mails gefüllt; korrigieren Sie sie, falls sie falsch ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Off by default. When on, Sealcheck adds the keyword $Phishing to forged messages on the server, so other mail programs can warn too. Nothing else on the server is ever changed.</source>
        <translation>Standardmäßig ausgeschaltet. Wenn eingeschaltet, versieht Sealcheck gefälschte Nachrichten auf dem Server mit dem Schlagwort $Phishing, damit auch andere E-Mail-Programme warnen können. Sonst wird auf dem Server nie etwas verändert.</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+160"/>
        <source>Trusted certificate key (SHA-256): %1</source>
        <translation>Vertrauenswürdiger Zertifikatsschlüssel (SHA-256): %1</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>The password could not be stored in the keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Looking up the server of %1…</source>
        <translation>Server für %1 wird gesucht…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No server is published for this domain; %1 is a guess.</source>
        <translation>Für diese Domain ist kein Server veröffentlicht; %1 ist nur eine Vermutung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The domain names %1 as its mail server.</source>
        <translation>Die Domain nennt %1 als ihren Mailserver.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the server first.</source>
        <translation>Geben Sie zuerst den Server ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection and login work.</source>
        <translation>Verbindung und Anmeldung funktionieren.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The server presented a certificate that is not trusted.
Subject: %1
Key fingerprint (SHA-256): %2
Trust it only if your provider or administrator confirms this fingerprint.</source>
        <translation>Der Server hat ein Zertifikat vorgelegt, das nicht vertrauenswürdig ist.
Inhaber: %1
Fingerabdruck des Schlüssels (SHA-256): %2
Vertrauen Sie ihm nur, wenn Ihr Anbieter oder Ihr Administrator diesen Fingerabdruck bestätigt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The certificate will be trusted for this account. Test the connection again.</source>
        <translation>Diesem Zertifikat wird für dieses Konto vertraut. Testen Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Trust %1</source>
        <translation>%1 vertrauen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Authentication-Results fields written by %1 will be believed. Confirm only if %1 is your own mail provider.</source>
        <translation>Authentication-Results-Feldern von %1 wird dann vertraut. Bestätigen Sie das nur, wenn %1 Ihr eigener E-Mail-Anbieter ist.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::AccountsPane</name>
    <message>
        <location filename="../ui/AccountsPane.cpp" line="+13"/>
        <source>Accounts and mailboxes</source>
        <translation>Konten und Postfächer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Opened files</source>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+45"/>
        <source>Sealcheck</source>
        <translation>Sealcheck</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only forged and suspicious</source>
        <translation>Nur gefälschte und verdächtige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forged</source>
        <translation>Gefälscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspicious</source>
        <translation>Verdächtig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticated</source>
        <translation>Authentifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unauthenticated</source>
        <translation>Nicht authentifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search sender and subject</source>
        <translation>Absender und Betreff durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Drop .eml or mbox files here, or open the demo (File › Open demo mailbox).</source>
        <translation>Ziehen Sie .eml- oder mbox-Dateien hierher oder öffnen Sie die Demo (Datei › Demo-Postfach öffnen).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open messages…</source>
        <translation>&amp;Nachrichten öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;demo mailbox</source>
        <translation>&amp;Demo-Postfach öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Konto hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy report</source>
        <translation>&amp;Bericht kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Sealcheck</source>
        <translation>Ü&amp;ber Sealcheck</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Demo: %1</source>
        <translation>Demo: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealcheck — demo mailbox</source>
        <translation>Sealcheck – Demo-Postfach</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This message has not been downloaded yet.</source>
        <translation>Diese Nachricht wurde noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Checking %1 of %2 messages…</source>
        <translation>Nachricht %1 von %2 wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) checked.</source>
        <translation>
            <numerusform>%n Nachricht geprüft.</numerusform>
            <numerusform>%n Nachrichten geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open messages</source>
        <translation>Nachrichten öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages (*.eml *.mbox *.txt);;All files (*)</source>
        <translation>Nachrichten (*.eml *.mbox *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Sealcheck</source>
        <translation>Über Sealcheck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealcheck %1

Checks who really sent your e-mail: it recomputes SPF, DKIM, DMARC, ARC, S/MIME and OpenPGP on your own computer. It never changes your mailbox unless you ask it to, never loads remote content, and keeps passwords only in your keychain.</source>
        <translation>Sealcheck %1

Prüft, wer Ihre E-Mail wirklich gesendet hat: Sealcheck berechnet SPF, DKIM, DMARC, ARC, S/MIME und OpenPGP auf Ihrem eigenen Computer neu. Es verändert Ihr Postfach nie, ohne dass Sie es verlangen, lädt nie Inhalte aus dem Internet nach und bewahrt Passwörter nur in Ihrem Schlüsselbund auf.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Synchronising: %1 of %2 messages…</source>
        <translation>Synchronisierung: %1 von %2 Nachrichten…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n new message(s) checked.</source>
        <translation>
            <numerusform>%n neue Nachricht geprüft.</numerusform>
            <numerusform>%n neue Nachrichten geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 Trying again in %n second(s).</source>
        <translation>
            <numerusform>%1 Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>%1 Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+6"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The local message store cannot be opened: %1</source>
        <translation>Der lokale Nachrichtenspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Settings saved. A new language is used from the next start.</source>
        <translation>Einstellungen gespeichert. Eine neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::MessageView</name>
    <message>
        <location filename="../ui/MessageView.cpp" line="+23"/>
        <source>&amp;Copy report</source>
        <translation>&amp;Bericht kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message</source>
        <translation>Nachrich&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>(This message has no text part.)</source>
        <translation>(Diese Nachricht hat keinen Textteil.)</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::SecurityPanel</name>
    <message>
        <location filename="../ui/SecurityPanel.cpp" line="+23"/>
        <location line="+250"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-250"/>
        <location line="+251"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="-235"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Security checks</source>
        <translation>Sicherheitsprüfungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Empfangen durch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Delivery path</source>
        <translation>Zustellweg</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Raw header</source>
        <translation>Nachrichtenkopf (Rohtext)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender (From)</source>
        <translation>Absender (From)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not one readable address</source>
        <translation>keine einzelne lesbare Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+166"/>
        <source>As written</source>
        <translation>Originaltext</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Name shown</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+49"/>
        <location line="+62"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>From fields</source>
        <translation>Absenderfelder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisational domain</source>
        <translation>Organisations-Domain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record at</source>
        <translation>Eintrag unter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <location line="+79"/>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Policy applied</source>
        <translation>Angewandte Richtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM aligned</source>
        <translation>DKIM passt zum Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF aligned</source>
        <translation>SPF passt zum Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DKIM %1, SPF %2</source>
        <translation>DKIM %1, SPF %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>strict</source>
        <translation>streng</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>relaxed</source>
        <translation>locker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testing</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the domain&apos;s policy is in test mode</source>
        <translation>die Richtlinie der Domain ist im Testmodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <location line="+16"/>
        <location line="+14"/>
        <location line="+7"/>
        <location line="+24"/>
        <location line="+13"/>
        <location line="+12"/>
        <location line="+9"/>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>RFC 7489 reading</source>
        <translation>Auslegung nach RFC 7489</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>organisational domain %1 (public suffix list)</source>
        <translation>Organisations-Domain %1 (Public Suffix List)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DKIM signatures</source>
        <translation>DKIM-Signaturen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+125"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Signature by %1</source>
        <translation>Signatur von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+103"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key protected by DNSSEC</source>
        <translation>Schlüssel durch DNSSEC geschützt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matches the sender</source>
        <translation>Passt zum Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+98"/>
        <source>Canonicalization</source>
        <translation>Kanonisierung</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Signed fields</source>
        <translation>Signierte Felder</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+63"/>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Body length (l=)</source>
        <translation>Länge des Nachrichtentexts (l=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 bytes signed</source>
        <translation>%1 von %2 Byte signiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+62"/>
        <source>Signed at</source>
        <translation>Signiert am</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Expires</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key record</source>
        <translation>Schlüsseleintrag</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>Client IP</source>
        <translation>IP-Adresse des sendenden Servers</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Envelope from</source>
        <translation>Umschlagdaten aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matched</source>
        <translation>Zutreffende Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS lookups</source>
        <translation>DNS-Abfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender&apos;s explanation</source>
        <translation>Erklärung des Absenders</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reverse DNS (iprev)</source>
        <translation>Reverse-DNS (iprev)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reverse names</source>
        <translation>Namen aus Reverse-DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed name</source>
        <translation>Bestätigter Name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ARC (forwarding)</source>
        <translation>ARC (Weiterleitung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hop %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (cv=%2, seal %3, signature %4)</source>
        <translation>%1 (cv=%2, Siegel %3, Signatur %4)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names the sender</source>
        <translation>Nennt den Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covers the whole message</source>
        <translation>Deckt die ganze Nachricht ab</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer / validity</source>
        <translation>Aussteller / Gültigkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S/MIME signature</source>
        <translation>S/MIME-Signatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenPGP signature</source>
        <translation>OpenPGP-Signatur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vouch By Reference (VBR)</source>
        <translation>Vouch By Reference (VBR)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticated by</source>
        <translation>Authentifiziert durch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouching service</source>
        <translation>Bürgender Dienst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A vouch is reputation, not proof of the sender; it never changes the verdict.</source>
        <translation>Eine Bürgschaft sagt etwas über den Ruf aus, beweist aber nicht den Absender; sie ändert nie die Bewertung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Historic methods</source>
        <translation>Veraltete Verfahren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not used for the verdict</source>
        <translation>fließen nicht in die Bewertung ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DomainKeys signature by %1</source>
        <translation>DomainKeys-Signatur von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Replaced by</source>
        <translation>Ersetzt durch</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Reported by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Authentication-Results</source>
        <translation>Authentication-Results</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(unreadable)</source>
        <translation>(unlesbar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not trusted</source>
        <translation>nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parse error</source>
        <translation>Lesefehler</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trust boundary: the envelope for SPF comes from this hop.</source>
        <translation>Die Vertrauensgrenze: Die Umschlagdaten für die SPF-Prüfung stammen von dieser Station.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+85"/>
        <source>Use the system&apos;s DNS resolvers</source>
        <translation>DNS-Server des Systems verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this DNS server:</source>
        <translation>Diesen DNS-Server verwenden:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark forged messages with $Phishing in new accounts</source>
        <translation>In neuen Konten gefälschte Nachrichten mit $Phishing markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+93"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>address, or address@port (e.g. 127.0.0.1@5353)</source>
        <translation>Adresse oder Adresse@Port (z. B. 127.0.0.1@5353)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Extra S/MIME roots (PEM):</source>
        <translation>Zusätzliche S/MIME-Stammzertifikate (PEM):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GnuPG&apos;s default</source>
        <translation>Standard von GnuPG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GnuPG home:</source>
        <translation>GnuPG-Verzeichnis:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language is used from the next start.</source>
        <translation>Eine neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>S/MIME root certificates</source>
        <translation>S/MIME-Stammzertifikate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GnuPG home</source>
        <translation>GnuPG-Verzeichnis</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The DNS server must be an IP address, optionally followed by @ and a port.</source>
        <translation>Der DNS-Server muss eine IP-Adresse sein, optional gefolgt von @ und einem Port.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::StoreMessageModel</name>
    <message>
        <location filename="../ui/StoreMessageModel.cpp" line="+83"/>
        <source>IMAP message %1</source>
        <translation>IMAP-Nachricht %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::VerdictBanner</name>
    <message>
        <location filename="../ui/VerdictBanner.cpp" line="+73"/>
        <source>The message could not be read: %1</source>
        <translation>Die Nachricht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a message to see who really sent it.</source>
        <translation>Wählen Sie eine Nachricht aus, um zu sehen, wer sie wirklich gesendet hat.</translation>
    </message>
</context>
</TS>

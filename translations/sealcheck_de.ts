<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MessageList</name>
    <message>
        <location filename="../ui/MessageColumns.cpp" line="+20"/>
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
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flagged</source>
        <translation>gekennzeichnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>marked as phishing</source>
        <translation>als Phishing markiert</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Verified under earlier settings; it will be checked again at the next sync.</source>
        <translation>Unter früheren Einstellungen geprüft; wird bei der nächsten Synchronisation erneut geprüft.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (not yet re-checked)</source>
        <translation>%1 (noch nicht erneut geprüft)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="+91"/>
        <source>Checks who really sent your e-mail.</source>
        <translation>Prüft, wer Ihre E-Mail wirklich gesendet hat.</translation>
    </message>
    <message>
        <location line="-11"/>
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
        <location line="+10"/>
        <source>Messages to inspect (.eml, mbox).</source>
        <translation>Zu prüfende Nachrichten (.eml, mbox).</translation>
    </message>
</context>
<context>
    <name>sealcheck::AccountManager</name>
    <message>
        <location filename="../app/core/AccountManager.cpp" line="+212"/>
        <source>Account %1 removed.</source>
        <translation>Konto %1 entfernt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account %1 removed; its password could not be deleted from the keychain: %2</source>
        <translation>Konto %1 entfernt; das Passwort konnte nicht aus dem Schlüsselbund gelöscht werden: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The account could not be saved: %1</source>
        <translation>Das Konto konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is now trusted for this account.</source>
        <translation>%1 gilt für dieses Konto jetzt als vertrauenswürdig.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The local message store could not be written: %1</source>
        <translation>In den lokalen Nachrichtenspeicher konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::AccountSync</name>
    <message>
        <location filename="../app/core/AccountSync.cpp" line="+102"/>
        <source>This mailbox is already being synchronised.</source>
        <translation>Dieses Postfach wird bereits synchronisiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+245"/>
        <source>The local message store cannot be opened.</source>
        <translation>Der lokale Nachrichtenspeicher kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sign in again: no saved sign-in for %1 could be read (%2).</source>
        <translation>Melden Sie sich erneut an: Für %1 konnte keine gespeicherte Anmeldung gelesen werden (%2).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The password of %1 could not be read from the keychain: %2</source>
        <translation>Das Passwort für %1 konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+51"/>
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
        <location line="+143"/>
        <source>The local message store could not be written: %1</source>
        <translation>In den lokalen Nachrichtenspeicher konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui</name>
    <message>
        <location filename="../ui/FindingText.cpp" line="+28"/>
        <source>The DKIM signature by %1 is valid, covers the whole message and matches the sender&apos;s domain.</source>
        <translation>Die DKIM-Signatur von %1 ist gültig, deckt die ganze Nachricht ab und passt zur Domain des Absenders.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sending server is authorised by the SPF record of %1, which matches the sender&apos;s domain.</source>
        <translation>Der sendende Server ist durch den SPF-Eintrag von %1 berechtigt, und diese Domain passt zur Domain des Absenders.</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <message numerus="yes">
        <location line="+2"/>
        <source>The message has %n sender field(s); your mail program may show a different sender from the one checked.</source>
        <translation>
            <numerusform>Die Nachricht hat %n Absenderfeld; Ihr E-Mail-Programm zeigt möglicherweise einen anderen Absender an als den geprüften.</numerusform>
            <numerusform>Die Nachricht hat %n Absenderfelder; Ihr E-Mail-Programm zeigt möglicherweise einen anderen Absender an als den geprüften.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message numerus="yes">
        <location line="+2"/>
        <source>The %1 signature covers only part of the message: %n part(s) are not signed.</source>
        <translation>
            <numerusform>Die %1-Signatur deckt nur einen Teil der Nachricht ab: %n Teil ist nicht signiert.</numerusform>
            <numerusform>Die %1-Signatur deckt nur einen Teil der Nachricht ab: %n Teile sind nicht signiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your provider %1 reported the DKIM signature by %2 as valid, but Sealcheck&apos;s own check finds it invalid.</source>
        <translation>Ihr Anbieter %1 hat die DKIM-Signatur von %2 als gültig gemeldet, nach der eigenen Prüfung von Sealcheck ist sie aber ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your provider %1 reported the DKIM signature by %2 as failed, so Sealcheck does not count it.</source>
        <translation>Ihr Anbieter %1 hat die DKIM-Signatur von %2 als fehlgeschlagen gemeldet, daher zählt Sealcheck sie nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your provider %1 reported that the sender was confirmed, but Sealcheck&apos;s own check fails.</source>
        <translation>Ihr Anbieter %1 hat gemeldet, dass der Absender bestätigt wurde, aber die eigene Prüfung von Sealcheck schlägt fehl.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are not signed, nor are these header fields: %2.</source>
        <translation>
            <numerusform>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab: %n Byte am Ende des Textes ist nicht signiert, ebenso wenig diese Felder des Nachrichtenkopfs: %2.</numerusform>
            <numerusform>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab: %n Byte am Ende des Textes sind nicht signiert, ebenso wenig diese Felder des Nachrichtenkopfs: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are not signed.</source>
        <translation>
            <numerusform>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab: %n Byte am Ende des Textes ist nicht signiert.</numerusform>
            <numerusform>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab: %n Byte am Ende des Textes sind nicht signiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The DKIM signature by %1 covers only part of the message: %n header field(s) are not signed (%2).</source>
        <translation>
            <numerusform>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab: %n Feld des Nachrichtenkopfs ist nicht signiert (%2).</numerusform>
            <numerusform>Die DKIM-Signatur von %1 deckt nur einen Teil der Nachricht ab: %n Felder des Nachrichtenkopfs sind nicht signiert (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>The DKIM key of %1 is only %n bit(s) long.</source>
        <translation>
            <numerusform>Der DKIM-Schlüssel von %1 ist nur %n Bit lang.</numerusform>
            <numerusform>Der DKIM-Schlüssel von %1 ist nur %n Bit lang.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n Authentication-Results field(s) were not trusted.</source>
        <translation>
            <numerusform>%n Authentication-Results-Feld wurde nicht als vertrauenswürdig eingestuft.</numerusform>
            <numerusform>%n Authentication-Results-Felder wurden nicht als vertrauenswürdig eingestuft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n Authentication-Results field(s) were not trusted (the first one written by %1).</source>
        <translation>
            <numerusform>%n Authentication-Results-Feld wurde nicht als vertrauenswürdig eingestuft (geschrieben von %1).</numerusform>
            <numerusform>%n Authentication-Results-Felder wurden nicht als vertrauenswürdig eingestuft (das erste davon geschrieben von %1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The DKIM signature by %1 was valid when %2 received the message; its key has been withdrawn or has expired since.</source>
        <translation>Die DKIM-Signatur von %1 war gültig, als %2 die Nachricht empfangen hat; ihr Schlüssel wurde inzwischen zurückgezogen oder ist abgelaufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 signature could not be checked now; try again later.</source>
        <translation>Die %1-Signatur konnte gerade nicht geprüft werden; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your provider %2 confirmed when the message arrived that the DKIM signature by %1 was valid; it cannot be checked again now.</source>
        <translation>Ihr Anbieter %2 hat beim Eingang der Nachricht bestätigt, dass die DKIM-Signatur von %1 gültig war; sie lässt sich jetzt nicht erneut prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM signature by %1 can no longer be checked (%2); the message is too old for that to count against it.</source>
        <translation>Die DKIM-Signatur von %1 lässt sich nicht mehr prüfen (%2); die Nachricht ist so alt, dass das nicht gegen sie spricht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check failed after forwarding, but your provider %2 found that %1, a forwarder you trust, recorded that it passed.</source>
        <translation>Die Prüfung ist nach einer Weiterleitung fehlgeschlagen, aber Ihr Anbieter %2 hat festgestellt, dass %1, ein Weiterleitungsdienst, dem Sie vertrauen, sie als erfolgreich festgehalten hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked: the %1 record of %2 could not be looked up (%3). Try again later.</source>
        <translation>Nicht geprüft: Der %1-Eintrag von %2 konnte nicht abgefragt werden (%3). Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked: %1 stopped at the limit of %2, so nothing can be said about the sender.</source>
        <translation>Nicht geprüft: %1 hat die Obergrenze von %2 erreicht, daher lässt sich über den Absender nichts sagen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A header field named &quot;%1&quot; is read as the sender by some mail programs; they may show another sender than the one checked.</source>
        <translation>Manche E-Mail-Programme lesen ein Feld des Nachrichtenkopfs namens „%1“ als Absender; sie zeigen womöglich einen anderen Absender an als den geprüften.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A comment in the sender field shows %1, but the message comes from %2.</source>
        <translation>Ein Kommentar im Absenderfeld zeigt %1, die Nachricht kommt aber von %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender %1 contains %2, a domain you know, but belongs to another domain.</source>
        <translation>Der Absender %1 enthält %2, eine Domain, die Sie kennen, gehört aber zu einer anderen Domain.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender&apos;s domain %1 mixes alphabets or imitates another name (%2).</source>
        <translation>Die Domain des Absenders, %1, mischt Schriftsysteme oder ahmt einen anderen Namen nach (%2).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The sending server&apos;s reverse DNS name does not lead back to its address (iprev %1).</source>
        <translation>Der Reverse-DNS-Name des sendenden Servers führt nicht zu seiner Adresse zurück (iprev %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The message uses DomainKeys, a historic method replaced by DKIM; it is not used for the verdict.</source>
        <translation>Die Nachricht verwendet DomainKeys, ein veraltetes, durch DKIM ersetztes Verfahren; es fließt nicht in die Bewertung ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication-Results reports %1, a historic method replaced by %2; it is not used for the verdict.</source>
        <translation>Authentication-Results meldet %1, ein veraltetes, durch %2 ersetztes Verfahren; es fließt nicht in die Bewertung ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 vouches for %2; a vouch is reputation, not proof of the sender.</source>
        <translation>%1 bürgt für %2; eine Bürgschaft sagt etwas über den Ruf aus, beweist aber nicht den Absender.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature is valid, but its certificate or key is not one you trust.</source>
        <translation>Die %1-Signatur ist gültig, aber ihr Zertifikat oder Schlüssel gehört nicht zu denen, denen Sie vertrauen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DMARC policy of the sender&apos;s domain is broken or unusable, so it protects nothing (%1).</source>
        <translation>Die DMARC-Richtlinie der Domain des Absenders ist fehlerhaft oder unbrauchbar und schützt daher nichts (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No DNS resolver was available, so nothing was checked.</source>
        <translation>Es war kein DNS-Resolver verfügbar, daher wurde nichts geprüft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 signature: %2</source>
        <translation>%1-Signatur: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the signature is malformed</source>
        <translation>die Signatur ist fehlerhaft aufgebaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature lacks a required part</source>
        <translation>der Signatur fehlt ein notwendiger Bestandteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown signature version</source>
        <translation>unbekannte Signaturversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown signing algorithm</source>
        <translation>unbekannter Signaturalgorithmus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sender field is not signed</source>
        <translation>das Absenderfeld ist nicht signiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signing domain is not a valid name</source>
        <translation>die signierende Domain ist kein gültiger Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature has expired</source>
        <translation>die Signatur ist abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature is dated in the future</source>
        <translation>die Signatur ist in die Zukunft datiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the algorithm (SHA-1) is no longer accepted</source>
        <translation>der Algorithmus (SHA-1) wird nicht mehr akzeptiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key could not be looked up now</source>
        <translation>der Schlüssel konnte gerade nicht abgefragt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key is not published</source>
        <translation>der Schlüssel ist nicht veröffentlicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the published key is malformed</source>
        <translation>der veröffentlichte Schlüssel ist fehlerhaft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key has been withdrawn</source>
        <translation>der Schlüssel wurde zurückgezogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key is too short to be safe</source>
        <translation>der Schlüssel ist zu kurz, um sicher zu sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signed length is longer than the text</source>
        <translation>die signierte Länge ist größer als der Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the text was changed after signing</source>
        <translation>der Text wurde nach dem Signieren verändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signed header fields were changed after signing</source>
        <translation>die signierten Felder des Nachrichtenkopfs wurden nach dem Signieren verändert</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Replies go to %1, another organisation than the sender %2.</source>
        <translation>Antworten gehen an %1, eine andere Organisation als der Absender %2.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Reported by your provider %1 at delivery: DMARC passed. The sender&apos;s key is gone or its algorithm retired since, so it cannot be checked again.</source>
        <translation>Von Ihrem Anbieter %1 bei der Zustellung gemeldet: DMARC bestanden. Der Schlüssel des Absenders ist inzwischen verschwunden oder sein Algorithmus wird nicht mehr akzeptiert, daher lässt sich das nicht erneut prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sending server is authorised by the SPF record of %1, the sender&apos;s domain (it publishes no DMARC policy).</source>
        <translation>Der sendende Server ist durch den SPF-Eintrag von %1, der Domain des Absenders, berechtigt (sie veröffentlicht keine DMARC-Richtlinie).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DKIM signature by %1 is valid, covers the whole message and matches the sender&apos;s domain (it publishes no DMARC policy).</source>
        <translation>Die DKIM-Signatur von %1 ist gültig, deckt die ganze Nachricht ab und passt zur Domain des Absenders (diese veröffentlicht keine DMARC-Richtlinie).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The Sender field names %1, another organisation than the sender shown.</source>
        <translation>Das Feld „Sender“ nennt %1, eine andere Organisation als der angezeigte Absender.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The check failed after forwarding, but %1, a forwarder you trust, recorded that it passed when the message reached it.</source>
        <translation>Die Prüfung ist nach einer Weiterleitung fehlgeschlagen, aber %1, ein Weiterleitungsdienst, dem Sie vertrauen, hat festgehalten, dass sie beim Eingang der Nachricht dort erfolgreich war.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/VerdictStyle.cpp" line="+82"/>
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
        <location line="+4"/>
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
        <location line="+8"/>
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
    <message numerus="yes">
        <location line="+3"/>
        <source>DNS lookups for this message stopped after %n millisecond(s) of waiting; checks that needed more report a temporary error.</source>
        <translation>
            <numerusform>Die DNS-Abfragen für diese Nachricht wurden nach %n Millisekunde Wartezeit beendet; Prüfungen, die mehr Zeit gebraucht hätten, melden einen vorübergehenden Fehler.</numerusform>
            <numerusform>Die DNS-Abfragen für diese Nachricht wurden nach %n Millisekunden Wartezeit beendet; Prüfungen, die mehr Zeit gebraucht hätten, melden einen vorübergehenden Fehler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>DNS lookups for this message stopped at the limit of %n query(ies); checks that needed more report a temporary error.</source>
        <translation>
            <numerusform>Die DNS-Abfragen für diese Nachricht wurden bei der Obergrenze von %n Abfrage beendet; Prüfungen, die mehr Abfragen gebraucht hätten, melden einen vorübergehenden Fehler.</numerusform>
            <numerusform>Die DNS-Abfragen für diese Nachricht wurden bei der Obergrenze von %n Abfragen beendet; Prüfungen, die mehr Abfragen gebraucht hätten, melden einen vorübergehenden Fehler.</numerusform>
        </translation>
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
        <location filename="../ui/VerdictStyle.cpp" line="-16"/>
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
        <location line="+1"/>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
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
    <message>
        <location line="+2"/>
        <source>This message could not be checked now, so nothing is known yet about who sent it.</source>
        <translation>Diese Nachricht konnte gerade nicht geprüft werden, daher ist noch nichts darüber bekannt, wer sie gesendet hat.</translation>
    </message>
    <message>
        <location filename="../ui/CheckSummary.cpp" line="+24"/>
        <source>Signed by %1, but only part of the message</source>
        <translation>Signiert von %1, aber nur ein Teil der Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1</source>
        <translation>Signiert von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1, which you accepted for %2</source>
        <translation>Signiert von %1, den Sie für %2 zugelassen haben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by %1, which is not the sender&apos;s domain</source>
        <translation>Signiert von %1, also nicht von der Domain des Absenders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature by %1 could not be checked now</source>
        <translation>Die Signatur von %1 konnte gerade nicht geprüft werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature by %1 is not valid: %2</source>
        <translation>Die Signatur von %1 ist ungültig: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The signature by %1 was not evaluated</source>
        <translation>Die Signatur von %1 wurde nicht ausgewertet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending server not checked: no delivery record from a server you trust</source>
        <translation>Sendender Server nicht geprüft: kein Zustellvermerk von einem Server, dem Sie vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending server allowed by %1</source>
        <translation>Sendender Server von %1 zugelassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending server not allowed by %1</source>
        <translation>Sendender Server von %1 nicht zugelassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending server probably not allowed by %1</source>
        <translation>Sendender Server von %1 wahrscheinlich nicht zugelassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending server could not be checked now (DNS)</source>
        <translation>Sendender Server konnte gerade nicht geprüft werden (DNS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The list of sending servers of %1 is broken (SPF permerror), so it allows none</source>
        <translation>Die Liste der sendenden Server von %1 ist fehlerhaft (SPF permerror) und lässt daher keinen zu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not list its sending servers (no SPF record)</source>
        <translation>%1 führt keine sendenden Server auf (kein SPF-Eintrag)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The sender</source>
        <translation>Der Absender</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 says nothing about the sending server</source>
        <translation>%1 macht keine Angabe zum sendenden Server</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Meets the policy of %1 (DMARC)</source>
        <translation>Erfüllt die Richtlinie von %1 (DMARC)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fails the policy of %1, which asks to refuse such mail (DMARC)</source>
        <translation>Verstößt gegen die Richtlinie von %1, die verlangt, solche E-Mails abzulehnen (DMARC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fails the policy of %1, which asks to treat such mail as spam (DMARC)</source>
        <translation>Verstößt gegen die Richtlinie von %1, die verlangt, solche E-Mails als Spam zu behandeln (DMARC)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fails the policy of %1, which only monitors (DMARC)</source>
        <translation>Verstößt gegen die Richtlinie von %1, die nur beobachtet (DMARC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 publishes no policy (DMARC)</source>
        <translation>%1 veröffentlicht keine Richtlinie (DMARC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The policy of %1 could not be looked up now (DMARC)</source>
        <translation>Die Richtlinie von %1 konnte gerade nicht abgefragt werden (DMARC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The policy of %1 is broken (DMARC permerror), so it protects nothing</source>
        <translation>Die Richtlinie von %1 ist fehlerhaft (DMARC permerror) und schützt daher nichts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The policy of %1 gave no answer (DMARC)</source>
        <translation>Die Richtlinie von %1 lieferte kein Ergebnis (DMARC)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 signature by %2</source>
        <translation>%1-Signatur von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature by %2, not by the sender</source>
        <translation>%1-Signatur von %2, nicht vom Absender</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature by %2, from a certificate or key you do not trust</source>
        <translation>%1-Signatur von %2, mit einem Zertifikat oder Schlüssel, dem Sie nicht vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature by %2 covers only part of the message</source>
        <translation>%1-Signatur von %2 deckt nur einen Teil der Nachricht ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature could not be checked now</source>
        <translation>%1-Signatur konnte gerade nicht geprüft werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature is not valid</source>
        <translation>%1-Signatur ist ungültig</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not signed (no DKIM signature)</source>
        <translation>Nicht signiert (keine DKIM-Signatur)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S/MIME</source>
        <translation>S/MIME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenPGP</source>
        <translation>OpenPGP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Forwarded by %1, a forwarder you trust (ARC)</source>
        <translation>Weitergeleitet von %1, einem Weiterleitungsdienst, dem Sie vertrauen (ARC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forwarded by %1 (ARC; not a forwarder you trust)</source>
        <translation>Weitergeleitet von %1 (ARC; kein Weiterleitungsdienst, dem Sie vertrauen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending server&apos;s name %1 confirmed by reverse DNS</source>
        <translation>Name des sendenden Servers, %1, durch Reverse-DNS bestätigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending server&apos;s reverse DNS name does not lead back to it</source>
        <translation>Der Reverse-DNS-Name des sendenden Servers führt nicht zu ihm zurück</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sending server called itself %1 (HELO)</source>
        <translation>Der sendende Server nannte sich %1 (HELO)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bounces go to %1 (envelope sender)</source>
        <translation>Unzustellbarkeitsmeldungen gehen an %1 (Umschlag-Absender)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (does not match)</source>
        <translation>%1 (passt nicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (probably not allowed)</source>
        <translation>%1 (wahrscheinlich nicht zugelassen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (no statement)</source>
        <translation>%1 (keine Aussage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (nothing published)</source>
        <translation>%1 (nichts veröffentlicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (could not be checked now)</source>
        <translation>%1 (konnte gerade nicht geprüft werden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (the published record is broken)</source>
        <translation>%1 (der veröffentlichte Eintrag ist fehlerhaft)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (refused by local policy)</source>
        <translation>%1 (von lokaler Richtlinie abgelehnt)</translation>
    </message>
    <message>
        <location filename="../ui/VerdictLabel.cpp" line="+57"/>
        <source>✓ signed by %1 for %2 — your exception</source>
        <translation>✓ signiert von %1 für %2 – Ihre Ausnahme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ %1 via %2</source>
        <translation>✓ %1 über %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%2 itself does not confirm this message. You accepted %1 as its sending service: the signature of %1 is valid and covers the whole message.</source>
        <translation>%2 selbst bestätigt diese Nachricht nicht. Sie haben %1 als Versanddienst von %2 zugelassen: Die Signatur von %1 ist gültig und deckt die ganze Nachricht ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This message really comes from %1; %2 delivered it on its behalf.</source>
        <translation>Diese Nachricht stammt wirklich von %1; %2 hat sie im Auftrag von %1 zugestellt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This message really comes from %1.</source>
        <translation>Diese Nachricht stammt wirklich von %1.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::AccountDialog</name>
    <message>
        <location filename="../ui/AccountDialog.cpp" line="+39"/>
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
        <source>Sign &amp;in…</source>
        <translation>Anme&amp;lden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in on another device with a code</source>
        <translation>Auf einem anderen Gerät mit einem Code anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../ui/AccountDialogPages.cpp" line="+56"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Step 1 of 4: your e-mail address</source>
        <translation>Schritt 1 von 4: Ihre E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step 2 of 4: server and mail provider</source>
        <translation>Schritt 2 von 4: Server und E-Mail-Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step 3 of 4: sign in</source>
        <translation>Schritt 3 von 4: Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step 4 of 4: test the connection</source>
        <translation>Schritt 4 von 4: Verbindung testen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shown in the account list (optional)</source>
        <translation>Wird in der Kontenliste angezeigt (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in with:</source>
        <translation>&amp;Anmelden mit:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also ask Thunderbird&apos;s central database</source>
        <translation>Auch die zentrale Datenbank von Thunderbird fragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if the domain publishes nothing. autoconfig.thunderbird.net then learns the domain and that of its mail provider, never the address.</source>
        <translation>Nur wenn die Domain nichts veröffentlicht. autoconfig.thunderbird.net erfährt dann die Domain und die ihres E-Mail-Anbieters, nie die Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next, Sealcheck looks up the server for this address.</source>
        <translation>Als Nächstes sucht Sealcheck den Server für diese Adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+2"/>
        <source>None (only what is listed under Advanced)</source>
        <translation>Keiner (nur was unter Erweitert aufgeführt ist)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Advanced: trusted servers and keywords</source>
        <translation>&amp;Erweitert: vertrauenswürdige Server und Schlüsselwörter</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Trusted ARC sealers:</source>
        <translation>Vertrauenswürdige ARC-Versiegler:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Off by default. The keywords are $Sealcheck-Forged, $Sealcheck-Suspicious and $Sealcheck-Authenticated. Mail programs and server filters can then sort by verdict; Thunderbird shows them as tags. Only these keywords are added; nothing else on the server is ever changed.</source>
        <translation>Standardmäßig aus. Die Schlüsselwörter sind $Sealcheck-Forged, $Sealcheck-Suspicious und $Sealcheck-Authenticated. Mailprogramme und Serverfilter können dann nach Urteil sortieren; Thunderbird zeigt sie als Schlagwörter. Nur diese Schlüsselwörter werden gesetzt; sonst wird auf dem Server nie etwas geändert.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sealcheck connects and signs in once, read-only. You can also finish without testing: the first synchronisation shows any problem.</source>
        <translation>Sealcheck verbindet sich einmal und meldet sich nur lesend an. Sie können auch ohne Test fertigstellen: Die erste Synchronisierung zeigt jedes Problem.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter your e-mail address first.</source>
        <translation>Geben Sie zuerst Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with Google</source>
        <translation>Mit Google anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with Microsoft</source>
        <translation>Mit Microsoft anmelden</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password is kept in your system keychain, never in Sealcheck&apos;s files.</source>
        <translation>Das Passwort wird im Schlüsselbund Ihres Systems aufbewahrt, nie in den Dateien von Sealcheck.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OAuth &amp;client ID:</source>
        <translation>OAuth-&amp;Client-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built in (leave empty)</source>
        <translation>Eingebaut (leer lassen)</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>The company that runs your mailbox. Sealcheck then believes the reports it writes into your mail, where it writes them, and recognises its internal servers.</source>
        <translation>Das Unternehmen, das Ihr Postfach betreibt. Sealcheck vertraut dann den Berichten, die es in Ihre E-Mails schreibt, an der Stelle, an der es sie schreibt, und erkennt seine internen Server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail &amp;provider:</source>
        <translation>E-&amp;Mail-Anbieter:</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+5"/>
        <source>Off by default. When on, Sealcheck adds the keyword $Phishing to forged messages on the server, so other mail programs can warn too. Nothing else on the server is ever changed.</source>
        <translation>Standardmäßig ausgeschaltet. Wenn eingeschaltet, versieht Sealcheck gefälschte Nachrichten auf dem Server mit dem Schlagwort $Phishing, damit auch andere E-Mail-Programme warnen können. Sonst wird auf dem Server nie etwas verändert.</translation>
    </message>
    <message>
        <location filename="../ui/AccountDialog.cpp" line="-18"/>
        <source>Mark messages with their verdict as a keyword</source>
        <translation>Nachrichten mit ihrem Urteil als Schlüsselwort markieren</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>One domain per line, such as google.com</source>
        <translation>Eine Domain pro Zeile, etwa google.com</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Signed in; the sign-in is kept in your system keychain.</source>
        <translation>Angemeldet; die Anmeldung wird im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+377"/>
        <source>Trusted certificate key (SHA-256): %1</source>
        <translation>Vertrauenswürdiger Zertifikatsschlüssel (SHA-256): %1</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Choose how to sign in first.</source>
        <translation>Wählen Sie zuerst aus, wie Sie sich anmelden möchten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>On any device, open %1 and enter the code %2. This window continues by itself.</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät %1 und geben Sie den Code %2 ein. Dieses Fenster fährt danach von selbst fort.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed in with %1. Press OK to keep this account.</source>
        <translation>Mit %1 angemeldet. Klicken Sie auf OK, um dieses Konto zu speichern.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sign-in did not work: %1</source>
        <translation>Die Anmeldung hat nicht funktioniert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asking %1 for a code…</source>
        <translation>Code wird bei %1 angefordert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue in your web browser…</source>
        <translation>Fahren Sie in Ihrem Webbrowser fort…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The sign-in could not be stored in the keychain: %1</source>
        <translation>Die Anmeldung konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The password could not be stored in the keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Looking up the server of %1…</source>
        <translation>Server für %1 wird gesucht…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No IMAP server was found for %1; enter it yourself.</source>
        <translation>Für %1 wurde kein IMAP-Server gefunden; geben Sie ihn selbst ein.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 publishes its settings: the server is %2.</source>
        <translation>%1 veröffentlicht die Einstellungen selbst: Der Server ist %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thunderbird&apos;s central database names %1 (it was told the domain %2, nothing else).</source>
        <translation>Die zentrale Datenbank von Thunderbird nennt %1 (sie hat nur die Domain %2 erfahren, sonst nichts).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The domain&apos;s mail goes to %1, which publishes its settings: the server is %2.</source>
        <translation>Die E-Mail der Domain geht an %1, das seine Einstellungen veröffentlicht: Der Server ist %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The domain&apos;s mail goes to %1; Thunderbird&apos;s central database names %2 for it (it was told the domain %1, nothing else).</source>
        <translation>Die E-Mail der Domain geht an %1; die zentrale Datenbank von Thunderbird nennt dafür %2 (sie hat nur die Domain %1 erfahren, sonst nichts).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The domain&apos;s mail goes to a provider whose IMAP server is %1 (a guess from its MX records).</source>
        <translation>E-Mails an diese Domain gehen an einen Anbieter, dessen IMAP-Server %1 ist (eine Vermutung anhand der MX-Einträge der Domain).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No server is published for this domain; %1 is a guess.</source>
        <translation>Für diese Domain ist kein Server veröffentlicht; %1 ist nur eine Vermutung.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The domain names %1 as its mail server.</source>
        <translation>Die Domain nennt %1 als ihren Mailserver.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Check it before you connect.</source>
        <translation>Prüfen Sie ihn, bevor Sie eine Verbindung herstellen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>DNS did not answer every question, so this proposal may be incomplete or only a guess:</source>
        <translation>Das DNS hat nicht jede Anfrage beantwortet; dieser Vorschlag ist daher vielleicht unvollständig oder nur geraten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used:</source>
        <translation>Nicht verwendet:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter the server first.</source>
        <translation>Geben Sie zuerst den Server ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connection and sign-in work.</source>
        <translation>Verbindung und Anmeldung funktionieren.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sign in first (&quot;Sign in…&quot;).</source>
        <translation>Melden Sie sich zuerst an („Anmelden…“).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection and login work.</source>
        <translation>Verbindung und Anmeldung funktionieren.</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location filename="../ui/AccountsPane.cpp" line="+18"/>
        <source>Accounts and mailboxes</source>
        <translation>Konten und Postfächer</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Edit account…</source>
        <translation>Konto &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove account…</source>
        <translation>Konto ent&amp;fernen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opened files</source>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::FileTrustPage</name>
    <message>
        <location filename="../ui/FileTrustPage.cpp" line="+31"/>
        <source>One per line. Empty: no Authentication-Results field is believed.</source>
        <translation>Einer pro Zeile. Leer: Keinem Authentication-Results-Feld wird geglaubt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One host name per line</source>
        <translation>Ein Hostname pro Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One domain per line, such as google.com</source>
        <translation>Eine Domain pro Zeile, etwa google.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened .eml and mbox files have no account to say whom to trust. List here the servers of the provider the files come from: their Authentication-Results fields are then believed, as for an account. Leave it empty when you do not know.</source>
        <translation>Geöffnete .eml- und mbox-Dateien haben kein Konto, das sagt, wem zu vertrauen ist. Tragen Sie hier die Server des Anbieters ein, von dem die Dateien stammen: Deren Authentication-Results-Feldern wird dann geglaubt, wie bei einem Konto. Lassen Sie es leer, wenn Sie es nicht wissen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None (only what is listed below)</source>
        <translation>Keiner (nur was unten aufgeführt ist)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail &amp;provider:</source>
        <translation>E-&amp;Mail-Anbieter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted &amp;authentication servers:</source>
        <translation>Vertrauenswürdige &amp;Authentifizierungsserver:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted &amp;relays:</source>
        <translation>Vertrauenswürdige &amp;Relays:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted A&amp;RC sealers:</source>
        <translation>Vertrauenswürdige A&amp;RC-Versiegler:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The domains you know (&quot;Senders and keys&quot;) count for opened files too.</source>
        <translation>Die Domains, die Sie kennen („Absender und Schlüssel“), gelten auch für geöffnete Dateien.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+61"/>
        <source>Sealcheck</source>
        <translation>Sealcheck</translation>
    </message>
    <message>
        <location line="+22"/>
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
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
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
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="+143"/>
        <source>Checking again with the new trust setting: %1 of %n message(s)…</source>
        <translation>
            <numerusform>Erneute Prüfung mit der neuen Vertrauenseinstellung: %1 von %n Nachricht…</numerusform>
            <numerusform>Erneute Prüfung mit der neuen Vertrauenseinstellung: %1 von %n Nachrichten…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) checked again.</source>
        <translation>
            <numerusform>%n Nachricht erneut geprüft.</numerusform>
            <numerusform>%n Nachrichten erneut geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+63"/>
        <source>The key memory could not be used: %1</source>
        <translation>Der Schlüsselspeicher konnte nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+304"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="-302"/>
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
        <source>&amp;Edit account…</source>
        <translation>Konto &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove account…</source>
        <translation>Konto ent&amp;fernen…</translation>
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
        <source>Select a message first.</source>
        <translation>Wählen Sie zuerst eine Nachricht aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report of this message was copied to the clipboard.</source>
        <translation>Der Bericht zu dieser Nachricht wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message numerus="yes">
        <location line="+74"/>
        <source>%1: only the first %n message(s) were opened</source>
        <translation>
            <numerusform>%1: nur die erste Nachricht wurde geöffnet</numerusform>
            <numerusform>%1: nur die ersten %n Nachrichten wurden geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is empty: there is no message in it.</source>
        <translation>%1 ist leer: Darin ist keine Nachricht enthalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a picture, not an e-mail message.</source>
        <translation>%1 ist ein Bild, keine E-Mail-Nachricht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a document (such as a PDF), not an e-mail message.</source>
        <translation>%1 ist ein Dokument (etwa eine PDF-Datei), keine E-Mail-Nachricht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a compressed archive; unpack it and open the messages in it.</source>
        <translation>%1 ist ein komprimiertes Archiv; entpacken Sie es und öffnen Sie die Nachrichten darin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not text, so it is not an e-mail message.</source>
        <translation>%1 ist kein Text und daher keine E-Mail-Nachricht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not start like an e-mail message (a header such as &quot;From: ...&quot;) or an mbox file.</source>
        <translation>%1 beginnt weder wie eine E-Mail-Nachricht (mit einem Kopffeld wie „From: ...“) noch wie eine mbox-Datei.</translation>
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
        <location line="+38"/>
        <source>This message has not been downloaded yet.</source>
        <translation>Diese Nachricht wurde noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowAccounts.cpp" line="+151"/>
        <source>Settings changed: the messages are being checked again with the new settings.</source>
        <translation>Einstellungen geändert: Die Nachrichten werden mit den neuen Einstellungen erneut geprüft.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select an account in the list on the left first.</source>
        <translation>Wählen Sie zuerst links in der Liste ein Konto aus.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+8"/>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Remove the account &quot;%1&quot; (%2 on %3) from Sealcheck?

The messages and verification results Sealcheck keeps for it on this computer are deleted, and its password is removed from the keychain. Nothing on the server is touched: your mail stays in your mailbox, and you can add the account again later.</source>
        <translation>Das Konto „%1“ (%2 auf %3) aus Sealcheck entfernen?

Die Nachrichten und Prüfergebnisse, die Sealcheck dafür auf diesem Computer aufbewahrt, werden gelöscht, und das Passwort wird aus dem Schlüsselbund entfernt. Auf dem Server wird nichts angetastet: Ihre E-Mails bleiben in Ihrem Postfach, und Sie können das Konto später wieder hinzufügen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Remove account</source>
        <translation>Konto &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The account could not be removed from the local store: %1</source>
        <translation>Das Konto konnte nicht aus dem lokalen Nachrichtenspeicher entfernt werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+47"/>
        <source>%n message(s) checked.</source>
        <translation>
            <numerusform>%n Nachricht geprüft.</numerusform>
            <numerusform>%n Nachrichten geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n message(s) could not be checked now. This is not a verdict about the sender.</source>
        <translation>
            <numerusform>%n Nachricht konnte gerade nicht geprüft werden. Das ist keine Bewertung des Absenders.</numerusform>
            <numerusform>%n Nachrichten konnten gerade nicht geprüft werden. Das ist keine Bewertung der Absender.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) could not be checked: DNS did not answer (%1). Check your network connection or the DNS server in Settings.</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht geprüft werden: Das DNS hat nicht geantwortet (%1). Prüfen Sie Ihre Netzwerkverbindung oder den DNS-Server in den Einstellungen.</numerusform>
            <numerusform>%n Nachrichten konnten nicht geprüft werden: Das DNS hat nicht geantwortet (%1). Prüfen Sie Ihre Netzwerkverbindung oder den DNS-Server in den Einstellungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="-259"/>
        <source>%n new message(s) checked.</source>
        <translation>
            <numerusform>%n neue Nachricht geprüft.</numerusform>
            <numerusform>%n neue Nachrichten geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-32"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="-400"/>
        <source>Sho&amp;w:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message numerus="yes">
        <location line="+344"/>
        <source>Checking %1 of %n message(s)…</source>
        <translation>
            <numerusform>Nachricht %1 von %n wird geprüft…</numerusform>
            <numerusform>Nachricht %1 von %n wird geprüft…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="-3"/>
        <source>Synchronising: %1 of %n message(s)…</source>
        <translation>
            <numerusform>Synchronisierung: %1 von %n Nachricht…</numerusform>
            <numerusform>Synchronisierung: %1 von %n Nachrichten…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 Trying again in %n second(s).</source>
        <translation>
            <numerusform>%1 Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>%1 Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+141"/>
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
        <location line="+41"/>
        <source>Settings saved. A new language is used from the next start.</source>
        <translation>Einstellungen gespeichert. Eine neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::MessageView</name>
    <message>
        <location filename="../ui/MessageView.cpp" line="+29"/>
        <source>&amp;Copy report</source>
        <translation>&amp;Bericht kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the who&amp;le message</source>
        <translation>Ganze Nachricht &amp;anzeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text not covered by the signature</source>
        <translation>Nicht von der Signatur abgedeckter Text</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Messa&amp;ge</source>
        <translation>Nach&amp;richt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Attachments not covered: %1</source>
        <translation>Nicht abgedeckte Anhänge: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed by %1</source>
        <translation>Signiert von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added after signing — not from %1</source>
        <translation>Nach dem Signieren hinzugefügt – nicht von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Covered by the %1 signature</source>
        <translation>Von der %1-Signatur abgedeckt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not covered by the signature</source>
        <translation>Nicht von der Signatur abgedeckt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature covers only the text above. Anyone could have written the text below.</source>
        <translation>Die Signatur deckt nur den Text oben ab. Den Text unten kann jeder geschrieben haben.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 of %3): %4</source>
        <translation>%1 (%2 von %3): %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This message has %1 %2 fields; mail programs differ in which one they show.</source>
        <translation>Diese Nachricht hat %1 %2-Felder; Mailprogramme zeigen unterschiedlich an, welches davon.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cc</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Showing %1 of %2 characters of this message.</source>
        <translation>%1 von %2 Zeichen dieser Nachricht werden angezeigt.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(This message has no text part.)</source>
        <translation>(Diese Nachricht hat keinen Textteil.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(The rest of this HTML message is not shown: it is too large.)</source>
        <translation>(Der Rest dieser HTML-Nachricht wird nicht angezeigt: Sie ist zu groß.)</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::NoticeBar</name>
    <message>
        <location filename="../ui/NoticeBar.cpp" line="+22"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::PostureSection</name>
    <message>
        <location filename="../ui/PostureSection.cpp" line="+36"/>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>broken</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>DMARC reject applies to all mail that fails: receivers refuse spoofed mail.</source>
        <translation>DMARC reject gilt für alle E-Mails, die durchfallen: Empfangende Server lehnen gefälschte E-Mails ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC quarantine applies to all mail that fails: spoofed mail goes to the spam folder, where people still find it (reject would refuse it).</source>
        <translation>DMARC quarantine gilt für alle E-Mails, die durchfallen: Gefälschte E-Mails landen im Spam-Ordner, wo man sie trotzdem noch findet (reject würde sie ablehnen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DMARC %1 is only partly applied (pct or t=y): some spoofed mail is delivered.</source>
        <translation>DMARC %1 wird nur teilweise angewendet (pct oder t=y): Manche gefälschte E-Mails werden zugestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC p=none: spoofed mail is only reported, not stopped.</source>
        <translation>DMARC p=none: Gefälschte E-Mails werden nur gemeldet, nicht gestoppt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DMARC could not be checked.</source>
        <translation>DMARC konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No working DMARC policy: nothing asks receivers to stop spoofed mail.</source>
        <translation>Keine funktionierende DMARC-Richtlinie: Nichts fordert empfangende Server auf, gefälschte E-Mails zu stoppen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF works and ends in %1.</source>
        <translation>SPF funktioniert und endet mit %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPF +all lets any server pass SPF, and through it DMARC.</source>
        <translation>SPF +all lässt jeden Server die SPF-Prüfung bestehen und damit auch DMARC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPF does not work, so nothing lists the servers allowed to send for the domain.</source>
        <translation>SPF funktioniert nicht, daher führt nichts die Server auf, die für die Domain senden dürfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail to the domain is protected in transit (%1).</source>
        <translation>E-Mails an die Domain sind auf dem Transportweg geschützt (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail to the domain is not protected in transit (no MTA-STS in enforce mode, no DNSSEC-validated DANE); this does not change the grade.</source>
        <translation>E-Mails an die Domain sind auf dem Transportweg nicht geschützt (kein MTA-STS im Modus enforce, kein per DNSSEC validiertes DANE); das ändert die Note nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain accepts no mail (null MX).</source>
        <translation>Die Domain nimmt keine E-Mails an (Null-MX).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One grade lower: the MTA-STS setup is broken.</source>
        <translation>Eine Note schlechter: Die MTA-STS-Einrichtung ist fehlerhaft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One grade lower: a DKIM key checked is broken.</source>
        <translation>Eine Note schlechter: Ein geprüfter DKIM-Schlüssel ist fehlerhaft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The domain does not exist in DNS.</source>
        <translation>Die Domain existiert im DNS nicht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Well protected: receivers refuse mail that pretends to come from this domain.</source>
        <translation>Gut geschützt: Empfangende Server lehnen E-Mails ab, die vorgeben, von dieser Domain zu stammen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected against spoofing: mail that pretends to come from this domain goes to the spam folder.</source>
        <translation>Gegen Fälschung geschützt: E-Mails, die vorgeben, von dieser Domain zu stammen, landen im Spam-Ordner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partly protected: some mail that pretends to come from this domain still gets through.</source>
        <translation>Teilweise geschützt: Manche E-Mails, die vorgeben, von dieser Domain zu stammen, kommen trotzdem durch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weak: mail that pretends to come from this domain is delivered as usual.</source>
        <translation>Schwach: E-Mails, die vorgeben, von dieser Domain zu stammen, werden ganz normal zugestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unprotected: nothing stops others from sending mail in this domain&apos;s name.</source>
        <translation>Ungeschützt: Nichts hindert andere daran, E-Mails im Namen dieser Domain zu senden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DNSSEC-validated</source>
        <translation>durch DNSSEC validiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not DNSSEC-validated</source>
        <translation>nicht durch DNSSEC validiert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not used: the certificate of %1 was not accepted, so the policy could not be fetched securely.</source>
        <translation>Nicht verwendet: Das Zertifikat von %1 wurde nicht akzeptiert, daher konnte die Richtlinie nicht sicher abgerufen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used: the web server %1 could not be reached.</source>
        <translation>Nicht verwendet: Der Webserver %1 war nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: the web server %1 did not answer in time.</source>
        <translation>Nicht verwendet: Der Webserver %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: %1 has no policy at the address MTA-STS prescribes (the server answered with an error).</source>
        <translation>Nicht verwendet: %1 hat unter der von MTA-STS vorgeschriebenen Adresse keine Richtlinie (der Server antwortete mit einem Fehler).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used: %1 redirects the request elsewhere, which MTA-STS forbids.</source>
        <translation>Nicht verwendet: %1 leitet die Anfrage weiter, was MTA-STS verbietet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: the policy is not served as plain text (text/plain), as MTA-STS requires.</source>
        <translation>Nicht verwendet: Die Richtlinie wird nicht als reiner Text (text/plain) ausgeliefert, wie MTA-STS es verlangt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: the policy file is larger than MTA-STS allows.</source>
        <translation>Nicht verwendet: Die Richtliniendatei ist größer, als MTA-STS erlaubt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not used: the policy could not be fetched.</source>
        <translation>Nicht verwendet: Die Richtlinie konnte nicht abgerufen werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+73"/>
        <source>Check this domain&apos;s protection</source>
        <translation>Schutz dieser Domain prüfen</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Records the domain owner should publish:</source>
        <translation>Einträge, die der Inhaber der Domain veröffentlichen sollte:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the domain</source>
        <translation>Domain wird geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks DNS for the domain&apos;s SPF, DMARC, MTA-STS, TLS-RPT, DANE and BIMI records and fetches its MTA-STS policy over HTTPS.</source>
        <translation>Fragt die SPF-, DMARC-, MTA-STS-, TLS-RPT-, DANE- und BIMI-Einträge der Domain per DNS ab und lädt ihre MTA-STS-Richtlinie über HTTPS.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Sender domain checks</source>
        <translation>Prüfungen der Absender-Domain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records to publish</source>
        <translation>Zu veröffentlichende Einträge</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Sender domain: none (the message has no single From address).</source>
        <translation>Absender-Domain: keine (die Nachricht hat keine einzelne From-Adresse).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sender domain: %1</source>
        <translation>Absender-Domain: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not checked yet. The check asks DNS and the domain&apos;s web server, so it runs only when you ask.</source>
        <translation>Noch nicht geprüft. Die Prüfung fragt das DNS und den Webserver der Domain ab, daher läuft sie nur, wenn Sie es verlangen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking %1: asking DNS and fetching the MTA-STS policy…</source>
        <translation>%1 wird geprüft: DNS wird abgefragt und die MTA-STS-Richtlinie geladen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>DNS cannot be used: %1</source>
        <translation>DNS kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The domain could not be checked: %1</source>
        <translation>Die Domain konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+63"/>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+31"/>
        <location line="+30"/>
        <source>DNS answer</source>
        <translation>DNS-Antwort</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publish</source>
        <translation>Zu veröffentlichen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist in DNS.</source>
        <translation>%1 existiert nicht im DNS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade %1 — %2</source>
        <translation>Note %1 – %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none: the domain accepts no mail (null MX)</source>
        <translation>keine: Die Domain nimmt keine E-Mails an (Null-MX)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail servers (MX)</source>
        <translation>Mailserver (MX)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS lookups</source>
        <translation>DNS-Abfragen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none (neutral)</source>
        <translation>keiner (neutral)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy (p=)</source>
        <translation>Richtlinie (p=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subdomains (sp=)</source>
        <translation>Subdomains (sp=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-existent subdomains (np=)</source>
        <translation>Nicht existierende Subdomains (np=)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set (%1 applies)</source>
        <translation>nicht gesetzt (es gilt %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pct=</source>
        <translation>pct=</translation>
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
        <location line="+4"/>
        <source>Reports to</source>
        <translation>Berichte an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nobody</source>
        <translation>niemanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MTA-STS</source>
        <translation>MTA-STS</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+5"/>
        <location line="+10"/>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Not fetched: the DNS answers come from a zone file, so the domain&apos;s web server is not asked.</source>
        <translation>Nicht abgerufen: Die DNS-Antworten stammen aus einer Zonendatei, daher wird der Webserver der Domain nicht gefragt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Senders act as if the domain had no MTA-STS policy.</source>
        <translation>Absender verhalten sich, als hätte die Domain keine MTA-STS-Richtlinie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mode %1, mx %2</source>
        <translation>Modus %1, mx %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>MX hosts</source>
        <translation>Mailserver (MX)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Not matched by any mx line of the policy: %1</source>
        <translation>Von keiner mx-Zeile der Richtlinie erfasst: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All match the policy: %1</source>
        <translation>Alle passen zur Richtlinie: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS-RPT</source>
        <translation>TLS-RPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DANE</source>
        <translation>DANE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no TLSA records</source>
        <translation>keine TLSA-Einträge</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n TLSA record(s), %1</source>
        <translation>
            <numerusform>%n TLSA-Eintrag, %1</numerusform>
            <numerusform>%n TLSA-Einträge, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>BIMI</source>
        <translation>BIMI</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::SecurityPanel</name>
    <message>
        <location filename="../ui/SecurityPanel.cpp" line="+40"/>
        <location line="+320"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-320"/>
        <location line="+321"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Verdict not yet re-checked</source>
        <translation>Bewertung noch nicht erneut geprüft</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+21"/>
        <source>Delivery path</source>
        <translation>Zustellweg</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Raw header</source>
        <translation>Nachrichtenkopf (Rohtext)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Summary of the checks</source>
        <translation>Zusammenfassung der Prüfungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claimed by the sender, not verified</source>
        <translation>Vom Absender angegeben, nicht überprüft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sender domain</source>
        <translation>Absender-Domain</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Claimed, not verified:</source>
        <translation>Angegeben, nicht überprüft:</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+173"/>
        <source>As written</source>
        <translation>Originaltext</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Name shown</source>
        <translation>Angezeigter Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+53"/>
        <location line="+62"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="-122"/>
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
        <location line="+55"/>
        <location line="+79"/>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="-133"/>
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
        <location line="+31"/>
        <location line="+19"/>
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
        <location line="-127"/>
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
        <location line="+128"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Signature by %1</source>
        <translation>Signatur von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+107"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="-106"/>
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
        <location line="+102"/>
        <source>Canonicalization</source>
        <translation>Kanonisierung</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Signed fields</source>
        <translation>Signierte Felder</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+67"/>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Body length (l=)</source>
        <translation>Länge des Nachrichtentexts (l=)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n byte(s) signed</source>
        <translation>
            <numerusform>%1 von %n Byte signiert</numerusform>
            <numerusform>%1 von %n Bytes signiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+65"/>
        <source>Signed at</source>
        <translation>Signiert am</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Expires</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key record</source>
        <translation>Schlüsseleintrag</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+10"/>
        <source>provider profile: %1</source>
        <translation>Anbieterprofil: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication-Results</source>
        <translation>Authentication-Results</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unreadable)</source>
        <translation>(unlesbar)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no authserv-id)</source>
        <translation>(keine authserv-id)</translation>
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
    <message>
        <location line="+18"/>
        <source>Remembered key</source>
        <translation>Gemerkter Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer published; verified with the key published on %1 (last seen %2)</source>
        <translation>nicht mehr veröffentlicht; geprüft mit dem am %1 veröffentlichten Schlüssel (zuletzt gesehen am %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer published; verified with the key published on %1</source>
        <translation>nicht mehr veröffentlicht; geprüft mit dem am %1 veröffentlichten Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key changed</source>
        <translation>Schlüssel geändert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes: this key differs from the one Sealcheck saw for %1 before</source>
        <translation>ja: Dieser Schlüssel unterscheidet sich von dem, den Sealcheck zuvor für %1 gesehen hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Pinned key</source>
        <translation>Fest hinterlegter Schlüssel</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>matches the key you pinned</source>
        <translation>stimmt mit dem Schlüssel überein, den Sie fest hinterlegt haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CHANGED: this key differs from the key you pinned</source>
        <translation>GEÄNDERT: Dieser Schlüssel unterscheidet sich von dem Schlüssel, den Sie fest hinterlegt haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted signer</source>
        <translation>Zugelassener Unterzeichner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you accepted %1 as a signer for %2</source>
        <translation>Sie haben %1 als Unterzeichner für %2 zugelassen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Unpin</source>
        <translation>Nicht mehr fest hinterlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key could not be unpinned: %1</source>
        <translation>Die feste Hinterlegung des Schlüssels konnte nicht aufgehoben werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key of %1 is no longer pinned.</source>
        <translation>Der Schlüssel von %1 ist nicht mehr fest hinterlegt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin this key</source>
        <translation>Diesen Schlüssel fest hinterlegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key could not be pinned: %1</source>
        <translation>Der Schlüssel konnte nicht fest hinterlegt werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key of %1 (selector %2) is pinned: a different key later is a warning.</source>
        <translation>Der Schlüssel von %1 (Selektor %2) ist fest hinterlegt: Ein später abweichender Schlüssel wird als Warnung angezeigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop expecting a signature from %1</source>
        <translation>Keine Signatur mehr von %1 erwarten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not change the expectation: %1</source>
        <translation>Die Erwartung konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail from %1 is no longer expected to be signed.</source>
        <translation>Von E-Mails von %1 wird keine Signatur mehr erwartet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Always expect a signature from %1</source>
        <translation>Immer eine Signatur von %1 erwarten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save the expectation: %1</source>
        <translation>Die Erwartung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail from %1 is expected to be signed from now on; unsigned mail from it will be shown as suspicious.</source>
        <translation>Von E-Mails von %1 wird ab jetzt eine Signatur erwartet; unsignierte E-Mails von dort werden als verdächtig angezeigt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop accepting %1 as a signer for %2</source>
        <translation>%1 nicht mehr als Unterzeichner für %2 zulassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not change the accepted signers: %1</source>
        <translation>Die zugelassenen Unterzeichner konnten nicht geändert werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 no longer vouches for mail from %2.</source>
        <translation>%1 bürgt nicht mehr für E-Mails von %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept %1 as a signer for %2…</source>
        <translation>%1 als Unterzeichner für %2 zulassen…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Accept %1 as the sending service of %2?

%2 publishes nothing that lets Sealcheck confirm its mail. If you know that %2 sends its mail through %1 (a newsletter or ticket service, for example), Sealcheck will show mail from %2 that %1 signed over the whole message as &quot;signed by %1 for %2 — your exception&quot;.

Only do this if you are sure: anyone who can send mail through %1 can then write in the name of %2. Forged and suspicious mail stays forged and suspicious. You can undo this in Settings › Senders and keys.</source>
        <translation>%1 als Versanddienst von %2 zulassen?

%2 veröffentlicht nichts, womit Sealcheck seine E-Mails bestätigen könnte. Wenn Sie wissen, dass %2 seine E-Mails über %1 versendet (zum Beispiel über einen Newsletter- oder Ticketdienst), zeigt Sealcheck E-Mails von %2, die %1 über die ganze Nachricht signiert hat, als „signiert von %1 für %2 – Ihre Ausnahme“ an.

Tun Sie das nur, wenn Sie sicher sind: Jeder, der E-Mails über %1 senden kann, kann dann im Namen von %2 schreiben. Gefälschte und verdächtige E-Mails bleiben gefälscht und verdächtig. Sie können das unter Einstellungen › Absender und Schlüssel rückgängig machen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accept a signer</source>
        <translation>Unterzeichner zulassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accept %1</source>
        <translation>%1 &amp;zulassen</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Could not save the accepted signer: %1</source>
        <translation>Der zugelassene Unterzeichner konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is accepted as the sending service of %2.</source>
        <translation>%1 ist als Versanddienst von %2 zugelassen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remember</source>
        <translation>Merken</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+115"/>
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
        <location line="+1"/>
        <location line="+5"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pinned since</source>
        <translation>Fest hinterlegt seit</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+124"/>
        <source>Pinned keys</source>
        <translation>Fest hinterlegte Schlüssel</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Expected since</source>
        <translation>Erwartet seit</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+124"/>
        <source>Domains that always sign</source>
        <translation>Domains, die immer signieren</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For mail from</source>
        <translation>Für E-Mails von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accepted since</source>
        <translation>Zugelassen seit</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+126"/>
        <source>Accepted signers</source>
        <translation>Zugelassene Unterzeichner</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Remove pin</source>
        <translation>Hinterlegung entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove expectation</source>
        <translation>Erwartung entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove signer</source>
        <translation>Unterzeichner entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known because</source>
        <translation>Bekannt durch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+105"/>
        <source>Domains you know</source>
        <translation>Domains, die Sie kennen</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Add domain</source>
        <translation>Domain hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove domain</source>
        <translation>Domain entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+250"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="-249"/>
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
        <location line="+17"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="-15"/>
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
        <location line="+11"/>
        <location line="+131"/>
        <location line="+31"/>
        <source>Senders and keys</source>
        <translation>Absender und Schlüssel</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Opened files</source>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+36"/>
        <source>Sealcheck warns about lookalikes of these domains and about addresses that hide them. It learns the domains of your accounts and of authenticated senders you answer; it never learns a domain that imitates one of these.</source>
        <translation>Sealcheck warnt vor Doppelgängern dieser Domains und vor Adressen, in denen sie versteckt sind. Es lernt die Domains Ihrer Konten und die authentifizierter Absender, denen Sie antworten; eine Domain, die eine dieser Domains nachahmt, lernt es nie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. mybank.example</source>
        <translation>z. B. meinebank.example</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A different DKIM key from one of these domains is shown as a warning.</source>
        <translation>Ein abweichender DKIM-Schlüssel einer dieser Domains wird als Warnung angezeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message from one of these domains without a valid signature by it is shown as suspicious.</source>
        <translation>Eine Nachricht von einer dieser Domains ohne gültige Signatur dieser Domain wird als verdächtig angezeigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A valid signature by the signer authenticates mail from the sender domain (e.g. a newsletter sent by its mailing service), unless the sender&apos;s own policy says otherwise.</source>
        <translation>Eine gültige Signatur des Unterzeichners authentifiziert E-Mails von der Absender-Domain (z. B. einen Newsletter, den ihr Versanddienst verschickt), sofern die eigene Richtlinie des Absenders nichts anderes festlegt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add entries from the Security tab of a message. Removing one takes effect at once.</source>
        <translation>Fügen Sie Einträge über den Reiter „Sicherheit“ einer Nachricht hinzu. Das Entfernen eines Eintrags wirkt sofort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is remembered: there is no local store.</source>
        <translation>Es wird nichts gemerkt: Es gibt keinen lokalen Speicher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every selector</source>
        <translation>jeder Selektor</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>your account</source>
        <translation>Ihr Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you answered its mail</source>
        <translation>Ihre Antworten auf E-Mails von dort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you added it</source>
        <translation>Ihre eigene Eingabe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a domain name.</source>
        <translation>„%1“ ist kein Domainname.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The entry could not be removed: %1</source>
        <translation>Der Eintrag konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The DNS server must be an IP address, optionally followed by @ and a port.</source>
        <translation>Der DNS-Server muss eine IP-Adresse sein, optional gefolgt von @ und einem Port.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::StoreMessageModel</name>
    <message>
        <location filename="../ui/StoreMessageModel.cpp" line="+115"/>
        <source>IMAP message %1</source>
        <translation>IMAP-Nachricht %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::TrustOfferBar</name>
    <message>
        <location filename="../ui/TrustOfferBar.cpp" line="+10"/>
        <source>&amp;Trust</source>
        <translation>&amp;Vertrauen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not now</source>
        <translation>Nicht &amp;jetzt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trust your provider&apos;s reports</source>
        <translation>Den Berichten Ihres Anbieters vertrauen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Your provider checks who sent each message when it arrives and writes the result into the message, signed with the name &quot;%1&quot;. Most messages in %2 carry it at the top. If %1 is your provider&apos;s mail server, Sealcheck can use these results too, for example when a sender&apos;s key has been withdrawn since. Trust only a name you recognise as your provider&apos;s: anyone can write such a field lower down.</source>
        <translation>Ihr Anbieter prüft beim Eingang jeder Nachricht, wer sie gesendet hat, und schreibt das Ergebnis in die Nachricht, versehen mit dem Namen „%1“. Die meisten Nachrichten in %2 tragen es ganz oben. Wenn %1 der Mailserver Ihres Anbieters ist, kann Sealcheck diese Ergebnisse ebenfalls nutzen, zum Beispiel wenn der Schlüssel eines Absenders inzwischen zurückgezogen wurde. Vertrauen Sie nur einem Namen, den Sie als den Ihres Anbieters erkennen: Jeder kann ein solches Feld weiter unten einfügen.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::VerdictBanner</name>
    <message>
        <location filename="../ui/VerdictBanner.cpp" line="+48"/>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n technical note(s)</source>
        <translation>
            <numerusform>%n technischer Hinweis</numerusform>
            <numerusform>%n technische Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The message could not be read: %1</source>
        <translation>Die Nachricht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a message to see who really sent it.</source>
        <translation>Wählen Sie eine Nachricht aus, um zu sehen, wer sie wirklich gesendet hat.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::WelcomePane</name>
    <message>
        <location filename="../ui/WelcomePane.cpp" line="+11"/>
        <source>Add account…</source>
        <translation>Konto hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a file…</source>
        <translation>Datei öffnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome to Sealcheck</source>
        <translation>Willkommen bei Sealcheck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sealcheck checks who really sent your e-mail. Start with one of these:</source>
        <translation>Sealcheck prüft, wer Ihre E-Mails wirklich gesendet hat. Beginnen Sie mit einem davon:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your IMAP mailbox: new mail is checked as it arrives. Nothing on the server is changed.</source>
        <translation>Ihr IMAP-Postfach: Neue Nachrichten werden bei ihrer Ankunft geprüft. Auf dem Server wird nichts geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved messages (.eml) or a mailbox file (mbox). You can also drop files here.</source>
        <translation>Gespeicherte Nachrichten (.eml) oder eine Postfachdatei (mbox). Sie können Dateien auch hierher ziehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A few made-up messages, genuine and forged, to see what Sealcheck shows.</source>
        <translation>Einige erfundene Nachrichten, echte und gefälschte, um zu sehen, was Sealcheck anzeigt.</translation>
    </message>
</context>
</TS>

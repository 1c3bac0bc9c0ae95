<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MessageList</name>
    <message>
        <location filename="../ui/MessageColumns.cpp" line="+20"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>unread</source>
        <translation>non lu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flagged</source>
        <translation>suivi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>marked as phishing</source>
        <translation>marqué comme phishing</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Verified under earlier settings; it will be checked again at the next sync.</source>
        <translation>Vérifié avec des réglages antérieurs&#xa0;; il sera vérifié à nouveau à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (not yet re-checked)</source>
        <translation>%1 (pas encore revérifié)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="+91"/>
        <source>Checks who really sent your e-mail.</source>
        <translation>Vérifie qui a réellement envoyé vos e-mails.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Open the built-in demo mailbox.</source>
        <translation>Ouvrir la boîte aux lettres de démonstration intégrée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a picture of the window once it has settled, then exit.</source>
        <translation>Enregistrer une image de la fenêtre une fois son affichage terminé, puis quitter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a dark palette.</source>
        <translation>Utiliser des couleurs sombres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the first message with this verdict.</source>
        <translation>Sélectionner le premier message ayant ce verdict.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Messages to inspect (.eml, mbox).</source>
        <translation>Messages à examiner (.eml, mbox).</translation>
    </message>
</context>
<context>
    <name>sealcheck::AccountManager</name>
    <message>
        <location filename="../app/core/AccountManager.cpp" line="+212"/>
        <source>Account %1 removed.</source>
        <translation>Compte %1 supprimé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account %1 removed; its password could not be deleted from the keychain: %2</source>
        <translation>Compte %1 supprimé&#xa0;; son mot de passe n&apos;a pas pu être supprimé du trousseau&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The account could not be saved: %1</source>
        <translation>Le compte n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is now trusted for this account.</source>
        <translation>%1 est désormais de confiance pour ce compte.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The local message store could not be written: %1</source>
        <translation>Impossible d&apos;écrire dans le stockage local des messages&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::AccountSync</name>
    <message>
        <location filename="../app/core/AccountSync.cpp" line="+102"/>
        <source>This mailbox is already being synchronised.</source>
        <translation>Cette boîte aux lettres est déjà en cours de synchronisation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+245"/>
        <source>The local message store cannot be opened.</source>
        <translation>Le stockage local des messages ne peut pas être ouvert.</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>The account no longer exists.</source>
        <translation>Le compte n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sign in again: no saved sign-in for %1 could be read (%2).</source>
        <translation>Identifiez-vous à nouveau&#xa0;: aucune identification enregistrée pour %1 n&apos;a pu être lue (%2).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The password of %1 could not be read from the keychain: %2</source>
        <translation>Le mot de passe de %1 n&apos;a pas pu être lu dans le trousseau&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The server refused the user name or password. Check both and try again.</source>
        <translation>Le serveur a refusé le nom d&apos;utilisateur ou le mot de passe. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not be found or refused the connection. Check the host name and port.</source>
        <translation>Le serveur est introuvable ou a refusé la connexion. Vérifiez le nom du serveur et le port.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not answer in time. Check the host name and port, or try again later.</source>
        <translation>Le serveur n&apos;a pas répondu à temps. Vérifiez le nom du serveur et le port, ou réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s certificate is not trusted: it is not signed by a known authority or does not name this server. Someone may be intercepting the connection.</source>
        <translation>Le certificat du serveur n&apos;est pas de confiance&#xa0;: il n&apos;est pas signé par une autorité connue ou ne correspond pas à ce serveur. Quelqu&apos;un intercepte peut-être la connexion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A secure connection could not be set up with the server.</source>
        <translation>Impossible d&apos;établir une connexion sécurisée avec le serveur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not offer STARTTLS, so the connection would not be encrypted. Try implicit TLS (port 993).</source>
        <translation>Le serveur ne propose pas STARTTLS&#xa0;: la connexion ne serait donc pas chiffrée. Essayez le TLS implicite (port 993).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not allow logging in with a password on this connection.</source>
        <translation>Le serveur n&apos;autorise pas l&apos;identification par mot de passe sur cette connexion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server closed the connection.</source>
        <translation>Le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mailbox does not exist on the server.</source>
        <translation>La boîte aux lettres n&apos;existe pas sur le serveur.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server answered in an unexpected way: %1</source>
        <translation>Le serveur a répondu de manière inattendue&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>The local message store could not be written: %1</source>
        <translation>Impossible d&apos;écrire dans le stockage local des messages&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui</name>
    <message>
        <location filename="../ui/FindingText.cpp" line="+28"/>
        <source>The DKIM signature by %1 is valid, covers the whole message and matches the sender&apos;s domain.</source>
        <translation>La signature DKIM de %1 est valide, couvre tout le message et correspond au domaine de l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sending server is authorised by the SPF record of %1, which matches the sender&apos;s domain.</source>
        <translation>Le serveur d&apos;envoi est autorisé par l&apos;enregistrement SPF de %1, qui correspond au domaine de l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The S/MIME signature by %1 is valid, trusted, and covers the whole message.</source>
        <translation>La signature S/MIME de %1 est valide, de confiance et couvre tout le message.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The OpenPGP signature by %1 is valid, from a key you trust, and covers the whole message.</source>
        <translation>La signature OpenPGP de %1 est valide, provient d&apos;une clé à laquelle vous faites confiance et couvre tout le message.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing proves this message comes from %1, and its owner asks receivers to refuse such mail.</source>
        <translation>Rien ne prouve que ce message provienne de %1, et son propriétaire demande aux destinataires de refuser ce type de message.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature is invalid: the message was changed after signing, or the signature is broken.</source>
        <translation>La signature %1 n&apos;est pas valide&#xa0;: le message a été modifié après avoir été signé, ou la signature est endommagée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature belongs to %2, not to the sender shown.</source>
        <translation>La signature %1 appartient à %2, et non à l&apos;expéditeur affiché.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The message has %n sender field(s); your mail program may show a different sender from the one checked.</source>
        <translation>
            <numerusform>Le message a %n champ d&apos;expéditeur&#xa0;; votre logiciel de messagerie peut afficher un autre expéditeur que celui qui a été vérifié.</numerusform>
            <numerusform>Le message a %n champs d&apos;expéditeur&#xa0;; votre logiciel de messagerie peut afficher un autre expéditeur que celui qui a été vérifié.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sender field names several senders; only one can be checked.</source>
        <translation>Le champ d&apos;expéditeur indique plusieurs expéditeurs&#xa0;; un seul peut être vérifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender field can be read in two ways; it is built to fool mail programs.</source>
        <translation>Le champ d&apos;expéditeur peut être lu de deux façons&#xa0;; il est conçu pour tromper les logiciels de messagerie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message has no sender field.</source>
        <translation>Le message n&apos;a pas de champ d&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender field cannot be read as an e-mail address.</source>
        <translation>Le champ d&apos;expéditeur ne peut pas être lu comme une adresse e-mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your provider %1 reported that the sender could not be confirmed.</source>
        <translation>Votre fournisseur %1 a signalé que l&apos;expéditeur n&apos;a pas pu être confirmé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing proves this message comes from %1 (its owner only monitors, so it was delivered anyway).</source>
        <translation>Rien ne prouve que ce message provienne de %1 (son propriétaire se contente de surveiller, le message a donc été distribué quand même).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender&apos;s name shows %1, but the message comes from %2.</source>
        <translation>Le nom de l&apos;expéditeur affiche %1, mais le message provient de %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender&apos;s domain %1 looks like %2 but is a different domain.</source>
        <translation>Le domaine de l&apos;expéditeur, %1, ressemble à %2 mais c&apos;est un autre domaine.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender contains invisible, control or direction-changing characters.</source>
        <translation>L&apos;expéditeur contient des caractères invisibles, des caractères de contrôle ou des caractères qui changent le sens d&apos;écriture.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %1 signature covers only part of the message: %n part(s) are not signed.</source>
        <translation>
            <numerusform>La signature %1 ne couvre qu&apos;une partie du message&#xa0;: %n partie n&apos;est pas signée.</numerusform>
            <numerusform>La signature %1 ne couvre qu&apos;une partie du message&#xa0;: %n parties ne sont pas signées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your provider %1 reported the DKIM signature by %2 as valid, but Sealcheck&apos;s own check finds it invalid.</source>
        <translation>Votre fournisseur %1 a signalé la signature DKIM de %2 comme valide, mais la vérification propre à Sealcheck la juge non valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your provider %1 reported the DKIM signature by %2 as failed, so Sealcheck does not count it.</source>
        <translation>Votre fournisseur %1 a signalé la signature DKIM de %2 comme en échec&#xa0;: Sealcheck ne la prend donc pas en compte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your provider %1 reported that the sender was confirmed, but Sealcheck&apos;s own check fails.</source>
        <translation>Votre fournisseur %1 a signalé que l&apos;expéditeur a été confirmé, mais la vérification propre à Sealcheck échoue.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are not signed, nor are these header fields: %2.</source>
        <translation>
            <numerusform>La signature DKIM de %1 ne couvre qu&apos;une partie du message&#xa0;: %n octet à la fin du texte n&apos;est pas signé, pas plus que ces champs d&apos;en-tête&#xa0;: %2.</numerusform>
            <numerusform>La signature DKIM de %1 ne couvre qu&apos;une partie du message&#xa0;: %n octets à la fin du texte ne sont pas signés, pas plus que ces champs d&apos;en-tête&#xa0;: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are not signed.</source>
        <translation>
            <numerusform>La signature DKIM de %1 ne couvre qu&apos;une partie du message&#xa0;: %n octet à la fin du texte n&apos;est pas signé.</numerusform>
            <numerusform>La signature DKIM de %1 ne couvre qu&apos;une partie du message&#xa0;: %n octets à la fin du texte ne sont pas signés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The DKIM signature by %1 covers only part of the message: %n header field(s) are not signed (%2).</source>
        <translation>
            <numerusform>La signature DKIM de %1 ne couvre qu&apos;une partie du message&#xa0;: %n champ d&apos;en-tête n&apos;est pas signé (%2).</numerusform>
            <numerusform>La signature DKIM de %1 ne couvre qu&apos;une partie du message&#xa0;: %n champs d&apos;en-tête ne sont pas signés (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>The DKIM key of %1 is only %n bit(s) long.</source>
        <translation>
            <numerusform>La clé DKIM de %1 ne fait que %n bit.</numerusform>
            <numerusform>La clé DKIM de %1 ne fait que %n bits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n Authentication-Results field(s) were not trusted.</source>
        <translation>
            <numerusform>%n champ Authentication-Results n&apos;était pas de confiance.</numerusform>
            <numerusform>%n champs Authentication-Results n&apos;étaient pas de confiance.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n Authentication-Results field(s) were not trusted (the first one written by %1).</source>
        <translation>
            <numerusform>%n champ Authentication-Results n&apos;était pas de confiance (écrit par %1).</numerusform>
            <numerusform>%n champs Authentication-Results n&apos;étaient pas de confiance (le premier écrit par %1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The DKIM signature by %1 was valid when %2 received the message; its key has been withdrawn or has expired since.</source>
        <translation>La signature DKIM de %1 était valide quand %2 a reçu le message&#xa0;; sa clé a depuis été retirée ou a expiré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 signature could not be checked now; try again later.</source>
        <translation>La signature %1 n&apos;a pas pu être vérifiée pour le moment&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your provider %2 confirmed when the message arrived that the DKIM signature by %1 was valid; it cannot be checked again now.</source>
        <translation>Votre fournisseur %2 a confirmé à l&apos;arrivée du message que la signature DKIM de %1 était valide&#xa0;; elle ne peut pas être vérifiée à nouveau maintenant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM signature by %1 can no longer be checked (%2); the message is too old for that to count against it.</source>
        <translation>La signature DKIM de %1 ne peut plus être vérifiée (%2)&#xa0;; le message est trop ancien pour que cela joue contre lui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check failed after forwarding, but your provider %2 found that %1, a forwarder you trust, recorded that it passed.</source>
        <translation>La vérification a échoué après un transfert, mais votre fournisseur %2 a constaté que %1, un service de transfert auquel vous faites confiance, avait noté qu&apos;elle avait réussi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked: the %1 record of %2 could not be looked up (%3). Try again later.</source>
        <translation>Non vérifié&#xa0;: l&apos;enregistrement %1 de %2 n&apos;a pas pu être consulté (%3). Réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked: %1 stopped at the limit of %2, so nothing can be said about the sender.</source>
        <translation>Non vérifié&#xa0;: %1 a atteint la limite de %2, rien ne peut donc être dit sur l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A header field named &quot;%1&quot; is read as the sender by some mail programs; they may show another sender than the one checked.</source>
        <translation>Certains logiciels de messagerie lisent un champ d&apos;en-tête nommé «&#xa0;%1&#xa0;» comme l&apos;expéditeur&#xa0;; ils peuvent afficher un autre expéditeur que celui qui a été vérifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A comment in the sender field shows %1, but the message comes from %2.</source>
        <translation>Un commentaire dans le champ expéditeur affiche %1, mais le message provient de %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender %1 contains %2, a domain you know, but belongs to another domain.</source>
        <translation>L&apos;expéditeur %1 contient %2, un domaine que vous connaissez, mais appartient à un autre domaine.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender&apos;s domain %1 mixes alphabets or imitates another name (%2).</source>
        <translation>Le domaine de l&apos;expéditeur, %1, mélange des alphabets ou imite un autre nom (%2).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The sending server&apos;s reverse DNS name does not lead back to its address (iprev %1).</source>
        <translation>Le nom DNS inverse du serveur d&apos;envoi ne renvoie pas à son adresse (iprev %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The message uses DomainKeys, a historic method replaced by DKIM; it is not used for the verdict.</source>
        <translation>Le message utilise DomainKeys, une méthode obsolète remplacée par DKIM&#xa0;; elle n&apos;est pas prise en compte dans le verdict.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication-Results reports %1, a historic method replaced by %2; it is not used for the verdict.</source>
        <translation>Authentication-Results signale %1, une méthode obsolète remplacée par %2&#xa0;; elle n&apos;est pas prise en compte dans le verdict.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 vouches for %2; a vouch is reputation, not proof of the sender.</source>
        <translation>%1 se porte garant de %2&#xa0;; une garantie concerne la réputation, elle ne prouve pas l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signature is valid, but its certificate or key is not one you trust.</source>
        <translation>La signature %1 est valide, mais son certificat ou sa clé ne fait pas partie de ceux auxquels vous faites confiance.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DMARC policy of the sender&apos;s domain is broken or unusable, so it protects nothing (%1).</source>
        <translation>La politique DMARC du domaine de l&apos;expéditeur est défectueuse ou inutilisable&#xa0;: elle ne protège donc rien (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No DNS resolver was available, so nothing was checked.</source>
        <translation>Aucun résolveur DNS n&apos;était disponible&#xa0;: rien n&apos;a donc été vérifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 signature: %2</source>
        <translation>Signature %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the signature is malformed</source>
        <translation>la signature est mal formée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature lacks a required part</source>
        <translation>il manque une partie obligatoire à la signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown signature version</source>
        <translation>version de signature inconnue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown signing algorithm</source>
        <translation>algorithme de signature inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sender field is not signed</source>
        <translation>le champ expéditeur n&apos;est pas signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signing domain is not a valid name</source>
        <translation>le domaine signataire n&apos;est pas un nom valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature has expired</source>
        <translation>la signature a expiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature is dated in the future</source>
        <translation>la signature est datée dans le futur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the algorithm (SHA-1) is no longer accepted</source>
        <translation>l&apos;algorithme (SHA-1) n&apos;est plus accepté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key could not be looked up now</source>
        <translation>la clé n&apos;a pas pu être consultée pour le moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key is not published</source>
        <translation>la clé n&apos;est pas publiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the published key is malformed</source>
        <translation>la clé publiée est mal formée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key has been withdrawn</source>
        <translation>la clé a été retirée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key is too short to be safe</source>
        <translation>la clé est trop courte pour être sûre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signed length is longer than the text</source>
        <translation>la longueur signée dépasse celle du texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the text was changed after signing</source>
        <translation>le texte a été modifié après la signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signed header fields were changed after signing</source>
        <translation>les champs d&apos;en-tête signés ont été modifiés après la signature</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Replies go to %1, another organisation than the sender %2.</source>
        <translation>Les réponses iront à %1, une autre organisation que l&apos;expéditeur %2.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Reported by your provider %1 at delivery: DMARC passed. The sender&apos;s key is gone or its algorithm retired since, so it cannot be checked again.</source>
        <translation>Signalé par votre fournisseur %1 à la distribution&#xa0;: DMARC réussi. La clé de l&apos;expéditeur a depuis disparu ou son algorithme n&apos;est plus accepté, la vérification ne peut donc pas être refaite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sending server is authorised by the SPF record of %1, the sender&apos;s domain (it publishes no DMARC policy).</source>
        <translation>Le serveur d&apos;envoi est autorisé par l&apos;enregistrement SPF de %1, le domaine de l&apos;expéditeur (qui ne publie aucune politique DMARC).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DKIM signature by %1 is valid, covers the whole message and matches the sender&apos;s domain (it publishes no DMARC policy).</source>
        <translation>La signature DKIM de %1 est valide, couvre tout le message et correspond au domaine de l&apos;expéditeur (qui ne publie aucune politique DMARC).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The Sender field names %1, another organisation than the sender shown.</source>
        <translation>Le champ «&#xa0;Sender&#xa0;» indique %1, une autre organisation que l&apos;expéditeur affiché.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The check failed after forwarding, but %1, a forwarder you trust, recorded that it passed when the message reached it.</source>
        <translation>La vérification a échoué après un transfert, mais %1, un service de transfert auquel vous faites confiance, a noté qu&apos;elle avait réussi quand le message lui est parvenu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/VerdictStyle.cpp" line="+82"/>
        <source>Nothing proves who sent this message.</source>
        <translation>Rien ne prouve qui a envoyé ce message.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 publishes no DMARC policy, so its mail cannot be authenticated.</source>
        <translation>%1 ne publie aucune politique DMARC&#xa0;: ses messages ne peuvent donc pas être authentifiés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender could not be checked now (DNS error); try again later.</source>
        <translation>L&apos;expéditeur n&apos;a pas pu être vérifié pour le moment (erreur DNS)&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The DKIM key of %1 is marked as being tested.</source>
        <translation>La clé DKIM de %1 est marquée comme étant en test.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DNS answers were not protected by DNSSEC.</source>
        <translation>Les réponses DNS n&apos;étaient pas protégées par DNSSEC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The header contains malformed lines (%1).</source>
        <translation>L&apos;en-tête contient des lignes mal formées (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed by %1, which is not the sender&apos;s domain; this does not vouch for the sender.</source>
        <translation>Signé par %1, qui n&apos;est pas le domaine de l&apos;expéditeur&#xa0;; cela ne garantit pas l&apos;identité de l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 (selector %2) is no longer published; the signature was verified with the key published on %3, which Sealcheck remembered.</source>
        <translation>La clé DKIM de %1 (sélecteur %2) n&apos;est plus publiée&#xa0;; la signature a été vérifiée avec la clé publiée le %3, que Sealcheck avait mémorisée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 (selector %2) differs from the one Sealcheck saw there before.</source>
        <translation>La clé DKIM de %1 (sélecteur %2) diffère de celle que Sealcheck y avait vue auparavant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DKIM key of %1 (selector %2) differs from the key you pinned.</source>
        <translation>La clé DKIM de %1 (sélecteur %2) diffère de la clé que vous avez épinglée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 always signs its mail, but this message has no valid signature by it.</source>
        <translation>%1 signe toujours ses messages, mais ce message ne porte aucune signature valide de sa part.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>DNS lookups for this message stopped after %n millisecond(s) of waiting; checks that needed more report a temporary error.</source>
        <translation>
            <numerusform>Les requêtes DNS pour ce message ont été arrêtées après %n milliseconde d&apos;attente&#xa0;; les vérifications qui avaient besoin de plus de temps signalent une erreur temporaire.</numerusform>
            <numerusform>Les requêtes DNS pour ce message ont été arrêtées après %n millisecondes d&apos;attente&#xa0;; les vérifications qui avaient besoin de plus de temps signalent une erreur temporaire.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>DNS lookups for this message stopped at the limit of %n query(ies); checks that needed more report a temporary error.</source>
        <translation>
            <numerusform>Les requêtes DNS pour ce message ont été arrêtées à la limite de %n requête&#xa0;; les vérifications qui avaient besoin de plus de requêtes signalent une erreur temporaire.</numerusform>
            <numerusform>Les requêtes DNS pour ce message ont été arrêtées à la limite de %n requêtes&#xa0;; les vérifications qui avaient besoin de plus de requêtes signalent une erreur temporaire.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1, which you accepted as the sending service of %2; the signature is valid and covers the whole message.</source>
        <translation>Signé par %1, que vous avez accepté comme service d&apos;envoi de %2&#xa0;; la signature est valide et couvre tout le message.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature by %1 verifies only with a key Sealcheck remembered from %2, which was not published when this message arrived; it does not count.</source>
        <translation>La signature de %1 ne se vérifie qu&apos;avec une clé que Sealcheck connaît depuis le %2 et qui n&apos;était pas publiée à l&apos;arrivée de ce message&#xa0;; elle n&apos;est donc pas prise en compte.</translation>
    </message>
    <message>
        <location filename="../ui/VerdictStyle.cpp" line="-16"/>
        <source>Authenticated</source>
        <translation>Authentifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forged</source>
        <translation>Falsifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspicious</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unauthenticated</source>
        <translation>Non authentifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking…</source>
        <translation>Vérification en cours…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This message really comes from the sender shown.</source>
        <translation>Ce message provient réellement de l&apos;expéditeur affiché.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This message is forged: it does not come from the sender shown.</source>
        <translation>Ce message est falsifié&#xa0;: il ne provient pas de l&apos;expéditeur affiché.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be careful: this message tries to look like something it is not.</source>
        <translation>Attention&#xa0;: ce message essaie de se faire passer pour ce qu&apos;il n&apos;est pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This message is being checked.</source>
        <translation>Ce message est en cours de vérification.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This message could not be checked now, so nothing is known yet about who sent it.</source>
        <translation>Ce message n&apos;a pas pu être vérifié pour le moment&#xa0;: on ne sait donc encore rien de son expéditeur.</translation>
    </message>
    <message>
        <location filename="../ui/CheckSummary.cpp" line="+24"/>
        <source>Signed by %1, but only part of the message</source>
        <translation>Signé par %1, mais seulement une partie du message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1</source>
        <translation>Signé par %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1, which you accepted for %2</source>
        <translation>Signé par %1, que vous avez accepté pour %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by %1, which is not the sender&apos;s domain</source>
        <translation>Signé par %1, qui n&apos;est pas le domaine de l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature by %1 could not be checked now</source>
        <translation>La signature de %1 n&apos;a pas pu être vérifiée pour le moment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature by %1 is not valid: %2</source>
        <translation>La signature de %1 n&apos;est pas valide&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The signature by %1 was not evaluated</source>
        <translation>La signature de %1 n&apos;a pas été évaluée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending server not checked: no delivery record from a server you trust</source>
        <translation>Serveur d&apos;envoi non vérifié&#xa0;: aucune trace de remise par un serveur auquel vous faites confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending server allowed by %1</source>
        <translation>Serveur d&apos;envoi autorisé par %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending server not allowed by %1</source>
        <translation>Serveur d&apos;envoi non autorisé par %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending server probably not allowed by %1</source>
        <translation>Serveur d&apos;envoi probablement non autorisé par %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending server could not be checked now (DNS)</source>
        <translation>Le serveur d&apos;envoi n&apos;a pas pu être vérifié pour le moment (DNS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The list of sending servers of %1 is broken (SPF permerror), so it allows none</source>
        <translation>La liste des serveurs d&apos;envoi de %1 est défectueuse (SPF permerror)&#xa0;: elle n&apos;en autorise donc aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not list its sending servers (no SPF record)</source>
        <translation>%1 ne publie pas la liste de ses serveurs d&apos;envoi (aucun enregistrement SPF)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The sender</source>
        <translation>L&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 says nothing about the sending server</source>
        <translation>%1 ne dit rien du serveur d&apos;envoi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Meets the policy of %1 (DMARC)</source>
        <translation>Conforme à la politique de %1 (DMARC)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fails the policy of %1, which asks to refuse such mail (DMARC)</source>
        <translation>Non conforme à la politique de %1, qui demande de refuser ces messages (DMARC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fails the policy of %1, which asks to treat such mail as spam (DMARC)</source>
        <translation>Non conforme à la politique de %1, qui demande de traiter ces messages comme du spam (DMARC)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fails the policy of %1, which only monitors (DMARC)</source>
        <translation>Non conforme à la politique de %1, qui se contente de surveiller (DMARC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 publishes no policy (DMARC)</source>
        <translation>%1 ne publie aucune politique (DMARC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The policy of %1 could not be looked up now (DMARC)</source>
        <translation>La politique de %1 n&apos;a pas pu être consultée pour le moment (DMARC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The policy of %1 is broken (DMARC permerror), so it protects nothing</source>
        <translation>La politique de %1 est défectueuse (DMARC permerror)&#xa0;: elle ne protège donc rien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The policy of %1 gave no answer (DMARC)</source>
        <translation>La politique de %1 n&apos;a donné aucun résultat (DMARC)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 signature by %2</source>
        <translation>Signature %1 de %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature by %2, not by the sender</source>
        <translation>Signature %1 de %2, pas de l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature by %2, from a certificate or key you do not trust</source>
        <translation>Signature %1 de %2, avec un certificat ou une clé auxquels vous ne faites pas confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature by %2 covers only part of the message</source>
        <translation>La signature %1 de %2 ne couvre qu&apos;une partie du message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature could not be checked now</source>
        <translation>La signature %1 n&apos;a pas pu être vérifiée pour le moment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 signature is not valid</source>
        <translation>La signature %1 n&apos;est pas valide</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not signed (no DKIM signature)</source>
        <translation>Non signé (aucune signature DKIM)</translation>
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
        <translation>Transféré par %1, un service de transfert auquel vous faites confiance (ARC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forwarded by %1 (ARC; not a forwarder you trust)</source>
        <translation>Transféré par %1 (ARC&#xa0;; pas un service de transfert auquel vous faites confiance)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending server&apos;s name %1 confirmed by reverse DNS</source>
        <translation>Nom du serveur d&apos;envoi, %1, confirmé par DNS inverse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending server&apos;s reverse DNS name does not lead back to it</source>
        <translation>Le nom DNS inverse du serveur d&apos;envoi ne ramène pas à ce serveur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sending server called itself %1 (HELO)</source>
        <translation>Le serveur d&apos;envoi s&apos;est présenté comme %1 (HELO)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bounces go to %1 (envelope sender)</source>
        <translation>Les avis de non-distribution vont à %1 (expéditeur de l&apos;enveloppe)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (does not match)</source>
        <translation>%1 (ne correspond pas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (probably not allowed)</source>
        <translation>%1 (probablement non autorisé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (no statement)</source>
        <translation>%1 (aucune indication)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (nothing published)</source>
        <translation>%1 (rien de publié)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (could not be checked now)</source>
        <translation>%1 (n&apos;a pas pu être vérifié pour le moment)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (the published record is broken)</source>
        <translation>%1 (l&apos;enregistrement publié est défectueux)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (refused by local policy)</source>
        <translation>%1 (refusé par la politique locale)</translation>
    </message>
    <message>
        <location filename="../ui/VerdictLabel.cpp" line="+57"/>
        <source>✓ signed by %1 for %2 — your exception</source>
        <translation>✓ signé par %1 pour %2 — votre exception</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ %1 via %2</source>
        <translation>✓ %1 via %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%2 itself does not confirm this message. You accepted %1 as its sending service: the signature of %1 is valid and covers the whole message.</source>
        <translation>%2 ne confirme pas lui-même ce message. Vous avez accepté %1 comme service d&apos;envoi de %2&#xa0;: la signature de %1 est valide et couvre tout le message.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This message really comes from %1; %2 delivered it on its behalf.</source>
        <translation>Ce message provient réellement de %1&#xa0;; %2 l&apos;a distribué en son nom.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This message really comes from %1.</source>
        <translation>Ce message provient réellement de %1.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::AccountDialog</name>
    <message>
        <location filename="../ui/AccountDialog.cpp" line="+39"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server certificate</source>
        <translation>Certificat du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark forged messages with the $Phishing keyword</source>
        <translation>Marquer les messages falsifiés avec le mot-clé $Phishing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign &amp;in…</source>
        <translation>S&apos;&amp;identifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in on another device with a code</source>
        <translation>S&apos;identifier sur un autre appareil avec un code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Implicit TLS (recommended)</source>
        <translation>TLS implicite (recommandé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you@example.com</source>
        <translation>nom@example.com</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One per line. Empty: no Authentication-Results field is believed.</source>
        <translation>Un par ligne. Vide&#xa0;: aucun champ Authentication-Results n&apos;est pris en compte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One host name per line</source>
        <translation>Un nom de serveur par ligne</translation>
    </message>
    <message>
        <location filename="../ui/AccountDialogPages.cpp" line="+56"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;E-mail address:</source>
        <translation>Adresse &amp;e-mail&#xa0;:</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Step 1 of 4: your e-mail address</source>
        <translation>Étape 1 sur 4&#xa0;: votre adresse e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step 2 of 4: server and mail provider</source>
        <translation>Étape 2 sur 4&#xa0;: serveur et fournisseur de messagerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step 3 of 4: sign in</source>
        <translation>Étape 3 sur 4&#xa0;: connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step 4 of 4: test the connection</source>
        <translation>Étape 4 sur 4&#xa0;: tester la connexion</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shown in the account list (optional)</source>
        <translation>Affiché dans la liste des comptes (facultatif)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in with:</source>
        <translation>&amp;Se connecter avec&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also ask Thunderbird&apos;s central database</source>
        <translation>Interroger aussi la base centrale de Thunderbird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if the domain publishes nothing. autoconfig.thunderbird.net then learns the domain and that of its mail provider, never the address.</source>
        <translation>Seulement si le domaine ne publie rien. autoconfig.thunderbird.net apprend alors le domaine et celui de son fournisseur, jamais l&apos;adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next, Sealcheck looks up the server for this address.</source>
        <translation>Ensuite, Sealcheck cherche le serveur de cette adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;curity:</source>
        <translation>Sécurité de la &amp;connexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None (only what is listed under Advanced)</source>
        <translation>Aucun (uniquement ce qui est indiqué sous Avancé)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Advanced: trusted servers and keywords</source>
        <translation>&amp;Avancé&#xa0;: serveurs de confiance et mots-clés</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Trusted ARC sealers:</source>
        <translation>Scelleurs ARC de confiance&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Off by default. The keywords are $Sealcheck-Forged, $Sealcheck-Suspicious and $Sealcheck-Authenticated. Mail programs and server filters can then sort by verdict; Thunderbird shows them as tags. Only these keywords are added; nothing else on the server is ever changed.</source>
        <translation>Désactivé par défaut. Les mots-clés sont $Sealcheck-Forged, $Sealcheck-Suspicious et $Sealcheck-Authenticated. Les logiciels de messagerie et les filtres du serveur peuvent alors trier par verdict&#xa0;; Thunderbird les affiche comme étiquettes. Seuls ces mots-clés sont ajoutés&#xa0;; rien d’autre n’est jamais modifié sur le serveur.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sealcheck connects and signs in once, read-only. You can also finish without testing: the first synchronisation shows any problem.</source>
        <translation>Sealcheck se connecte une fois, en lecture seule. Vous pouvez aussi terminer sans tester&#xa0;: la première synchronisation montre tout problème.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter your e-mail address first.</source>
        <translation>Saisissez d&apos;abord votre adresse e-mail.</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with Google</source>
        <translation>S&apos;identifier avec Google</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with Microsoft</source>
        <translation>S&apos;identifier avec Microsoft</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password is kept in your system keychain, never in Sealcheck&apos;s files.</source>
        <translation>Le mot de passe est conservé dans le trousseau de votre système, jamais dans les fichiers de Sealcheck.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OAuth &amp;client ID:</source>
        <translation>ID c&amp;lient OAuth&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built in (leave empty)</source>
        <translation>Intégré (laisser vide)</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>The company that runs your mailbox. Sealcheck then believes the reports it writes into your mail, where it writes them, and recognises its internal servers.</source>
        <translation>L&apos;entreprise qui gère votre boîte aux lettres. Sealcheck se fie alors aux rapports qu&apos;elle inscrit dans vos messages, à l&apos;endroit où elle les inscrit, et reconnaît ses serveurs internes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail &amp;provider:</source>
        <translation>&amp;Fournisseur de messagerie&#xa0;:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Trusted authentication servers:</source>
        <translation>Serveurs d&apos;authentification de confiance&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trusted relays:</source>
        <translation>Relais de confiance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiving servers of your provider. Filled from the topmost Received fields of your mail after the first synchronisation; edit it if it is wrong.</source>
        <translation>Les serveurs de réception de votre fournisseur. Cette liste est remplie après la première synchronisation à partir des premiers champs Received de vos messages&#xa0;; corrigez-la si elle est fausse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off by default. When on, Sealcheck adds the keyword $Phishing to forged messages on the server, so other mail programs can warn too. Nothing else on the server is ever changed.</source>
        <translation>Désactivé par défaut. Lorsque cette option est activée, Sealcheck ajoute le mot-clé $Phishing aux messages falsifiés sur le serveur, afin que d&apos;autres logiciels de messagerie puissent aussi avertir. Rien d&apos;autre n&apos;est jamais modifié sur le serveur.</translation>
    </message>
    <message>
        <location filename="../ui/AccountDialog.cpp" line="-18"/>
        <source>Mark messages with their verdict as a keyword</source>
        <translation>Marquer les messages avec leur verdict comme mot-clé</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>One domain per line, such as google.com</source>
        <translation>Un domaine par ligne, par exemple google.com</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Signed in; the sign-in is kept in your system keychain.</source>
        <translation>Identification effectuée&#xa0;; elle est conservée dans le trousseau de votre système.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+377"/>
        <source>Trusted certificate key (SHA-256): %1</source>
        <translation>Clé de certificat de confiance (SHA-256)&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Choose how to sign in first.</source>
        <translation>Choisissez d&apos;abord comment vous identifier.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>On any device, open %1 and enter the code %2. This window continues by itself.</source>
        <translation>Sur n&apos;importe quel appareil, ouvrez %1 et saisissez le code %2. Cette fenêtre poursuivra d&apos;elle-même.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed in with %1. Press OK to keep this account.</source>
        <translation>Identification avec %1 effectuée. Cliquez sur OK pour conserver ce compte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sign-in did not work: %1</source>
        <translation>L&apos;identification a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asking %1 for a code…</source>
        <translation>Demande d&apos;un code à %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue in your web browser…</source>
        <translation>Poursuivez dans votre navigateur web…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The sign-in could not be stored in the keychain: %1</source>
        <translation>L&apos;identification n&apos;a pas pu être enregistrée dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The password could not be stored in the keychain: %1</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Looking up the server of %1…</source>
        <translation>Recherche du serveur de %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No IMAP server was found for %1; enter it yourself.</source>
        <translation>Aucun serveur IMAP n&apos;a été trouvé pour %1&#xa0;; saisissez-le vous-même.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 publishes its settings: the server is %2.</source>
        <translation>%1 publie ses paramètres&#xa0;: le serveur est %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thunderbird&apos;s central database names %1 (it was told the domain %2, nothing else).</source>
        <translation>La base de données centrale de Thunderbird indique %1 (seul le domaine %2 lui a été communiqué, rien d&apos;autre).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The domain&apos;s mail goes to %1, which publishes its settings: the server is %2.</source>
        <translation>Le courrier du domaine est remis à %1, qui publie ses paramètres&#xa0;: le serveur est %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The domain&apos;s mail goes to %1; Thunderbird&apos;s central database names %2 for it (it was told the domain %1, nothing else).</source>
        <translation>Le courrier du domaine est remis à %1&#xa0;; la base centrale de Thunderbird indique %2 pour celui-ci (elle n&apos;a appris que le domaine %1, rien d&apos;autre).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The domain&apos;s mail goes to a provider whose IMAP server is %1 (a guess from its MX records).</source>
        <translation>Les messages de ce domaine sont acheminés vers un fournisseur dont le serveur IMAP est %1 (une supposition d&apos;après ses enregistrements MX).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No server is published for this domain; %1 is a guess.</source>
        <translation>Aucun serveur n&apos;est publié pour ce domaine&#xa0;; %1 n&apos;est qu&apos;une supposition.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The domain names %1 as its mail server.</source>
        <translation>Le domaine indique %1 comme serveur de messagerie.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Check it before you connect.</source>
        <translation>Vérifiez-le avant de vous connecter.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>DNS did not answer every question, so this proposal may be incomplete or only a guess:</source>
        <translation>Le DNS n&apos;a pas répondu à toutes les requêtes&#xa0;; cette proposition est donc peut-être incomplète ou seulement une supposition&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used:</source>
        <translation>Non utilisé&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter the server first.</source>
        <translation>Saisissez d&apos;abord le serveur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connection and sign-in work.</source>
        <translation>La connexion et l&apos;identification fonctionnent.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sign in first (&quot;Sign in…&quot;).</source>
        <translation>Identifiez-vous d&apos;abord («&#xa0;S&apos;identifier…&#xa0;»).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection and login work.</source>
        <translation>La connexion et l&apos;identification fonctionnent.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server presented a certificate that is not trusted.
Subject: %1
Key fingerprint (SHA-256): %2
Trust it only if your provider or administrator confirms this fingerprint.</source>
        <translation>Le serveur a présenté un certificat qui n&apos;est pas de confiance.
Sujet&#xa0;: %1
Empreinte de la clé (SHA-256)&#xa0;: %2
Ne lui faites confiance que si votre fournisseur ou votre administrateur confirme cette empreinte.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The certificate will be trusted for this account. Test the connection again.</source>
        <translation>Ce certificat sera considéré comme de confiance pour ce compte. Testez à nouveau la connexion.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Trust %1</source>
        <translation>Faire confiance à %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Authentication-Results fields written by %1 will be believed. Confirm only if %1 is your own mail provider.</source>
        <translation>Les champs Authentication-Results écrits par %1 seront alors pris en compte. Ne confirmez que si %1 est votre propre fournisseur de messagerie.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::AccountsPane</name>
    <message>
        <location filename="../ui/AccountsPane.cpp" line="+18"/>
        <source>Accounts and mailboxes</source>
        <translation>Comptes et boîtes aux lettres</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Edit account…</source>
        <translation>&amp;Modifier le compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove account…</source>
        <translation>&amp;Supprimer le compte…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opened files</source>
        <translation>Fichiers ouverts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::FileTrustPage</name>
    <message>
        <location filename="../ui/FileTrustPage.cpp" line="+31"/>
        <source>One per line. Empty: no Authentication-Results field is believed.</source>
        <translation>Un par ligne. Vide&#xa0;: aucun champ Authentication-Results n’est cru.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One host name per line</source>
        <translation>Un nom d&apos;hôte par ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One domain per line, such as google.com</source>
        <translation>Un domaine par ligne, par exemple google.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened .eml and mbox files have no account to say whom to trust. List here the servers of the provider the files come from: their Authentication-Results fields are then believed, as for an account. Leave it empty when you do not know.</source>
        <translation>Les fichiers .eml et mbox ouverts n’ont pas de compte qui dise à qui faire confiance. Indiquez ici les serveurs du fournisseur d’où viennent les fichiers&#xa0;: leurs champs Authentication-Results sont alors crus, comme pour un compte. Laissez vide si vous ne savez pas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None (only what is listed below)</source>
        <translation>Aucun (uniquement ce qui est indiqué ci-dessous)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail &amp;provider:</source>
        <translation>&amp;Fournisseur de messagerie&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted &amp;authentication servers:</source>
        <translation>Serveurs d’&amp;authentification de confiance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted &amp;relays:</source>
        <translation>&amp;Relais de confiance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted A&amp;RC sealers:</source>
        <translation>Scelleurs A&amp;RC de confiance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The domains you know (&quot;Senders and keys&quot;) count for opened files too.</source>
        <translation>Les domaines que vous connaissez («&#xa0;Expéditeurs et clés&#xa0;») valent aussi pour les fichiers ouverts.</translation>
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
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All messages</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only forged and suspicious</source>
        <translation>Uniquement falsifiés et suspects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forged</source>
        <translation>Falsifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspicious</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticated</source>
        <translation>Authentifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unauthenticated</source>
        <translation>Non authentifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search sender and subject</source>
        <translation>Rechercher dans l&apos;expéditeur et l&apos;objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="+143"/>
        <source>Checking again with the new trust setting: %1 of %n message(s)…</source>
        <translation>
            <numerusform>Nouvelle vérification avec le nouveau réglage de confiance&#xa0;: %1 sur %n message…</numerusform>
            <numerusform>Nouvelle vérification avec le nouveau réglage de confiance&#xa0;: %1 sur %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) checked again.</source>
        <translation>
            <numerusform>%n message vérifié à nouveau.</numerusform>
            <numerusform>%n messages vérifiés à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+63"/>
        <source>The key memory could not be used: %1</source>
        <translation>La mémoire des clés n&apos;a pas pu être utilisée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open messages…</source>
        <translation>&amp;Ouvrir des messages…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;demo mailbox</source>
        <translation>Ouvrir la boîte aux lettres de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+304"/>
        <source>Demo</source>
        <translation>Démonstration</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit account…</source>
        <translation>&amp;Modifier le compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove account…</source>
        <translation>&amp;Supprimer le compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a message first.</source>
        <translation>Sélectionnez d&apos;abord un message.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report of this message was copied to the clipboard.</source>
        <translation>Le rapport de ce message a été copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Sealcheck</source>
        <translation>À &amp;propos de Sealcheck</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%1: only the first %n message(s) were opened</source>
        <translation>
            <numerusform>%1&#xa0;: seul le premier message a été ouvert</numerusform>
            <numerusform>%1&#xa0;: seuls les %n premiers messages ont été ouverts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is empty: there is no message in it.</source>
        <translation>%1 est vide&#xa0;: il ne contient aucun message.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a picture, not an e-mail message.</source>
        <translation>%1 est une image, pas un message e-mail.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a document (such as a PDF), not an e-mail message.</source>
        <translation>%1 est un document (un PDF, par exemple), pas un message e-mail.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a compressed archive; unpack it and open the messages in it.</source>
        <translation>%1 est une archive compressée&#xa0;; décompressez-la et ouvrez les messages qu&apos;elle contient.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not text, so it is not an e-mail message.</source>
        <translation>%1 n&apos;est pas du texte, ce n&apos;est donc pas un message e-mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not start like an e-mail message (a header such as &quot;From: ...&quot;) or an mbox file.</source>
        <translation>%1 ne commence ni comme un message e-mail (un en-tête tel que «&#xa0;From: ...&#xa0;») ni comme un fichier mbox.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Demo: %1</source>
        <translation>Démo&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealcheck — demo mailbox</source>
        <translation>Sealcheck — boîte aux lettres de démonstration</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This message has not been downloaded yet.</source>
        <translation>Ce message n&apos;a pas encore été téléchargé.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowAccounts.cpp" line="+151"/>
        <source>Settings changed: the messages are being checked again with the new settings.</source>
        <translation>Paramètres modifiés&#xa0;: les messages sont vérifiés à nouveau avec les nouveaux paramètres.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select an account in the list on the left first.</source>
        <translation>Sélectionnez d&apos;abord un compte dans la liste de gauche.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+8"/>
        <source>Edit account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Remove the account &quot;%1&quot; (%2 on %3) from Sealcheck?

The messages and verification results Sealcheck keeps for it on this computer are deleted, and its password is removed from the keychain. Nothing on the server is touched: your mail stays in your mailbox, and you can add the account again later.</source>
        <translation>Supprimer le compte «&#xa0;%1&#xa0;» (%2 sur %3) de Sealcheck&#xa0;?

Les messages et résultats de vérification que Sealcheck conserve pour ce compte sur cet ordinateur seront supprimés, et son mot de passe sera retiré du trousseau. Rien n&apos;est modifié sur le serveur&#xa0;: vos messages restent dans votre boîte aux lettres, et vous pourrez ajouter à nouveau ce compte plus tard.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Remove account</source>
        <translation>&amp;Supprimer le compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The account could not be removed from the local store: %1</source>
        <translation>Le compte n&apos;a pas pu être supprimé du stockage local des messages&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+47"/>
        <source>%n message(s) checked.</source>
        <translation>
            <numerusform>%n message vérifié.</numerusform>
            <numerusform>%n messages vérifiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n message(s) could not be checked now. This is not a verdict about the sender.</source>
        <translation>
            <numerusform>%n message n&apos;a pas pu être vérifié pour le moment. Ce n&apos;est pas un verdict sur l&apos;expéditeur.</numerusform>
            <numerusform>%n messages n&apos;ont pas pu être vérifiés pour le moment. Ce n&apos;est pas un verdict sur les expéditeurs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s) could not be checked: DNS did not answer (%1). Check your network connection or the DNS server in Settings.</source>
        <translation>
            <numerusform>%n message n&apos;a pas pu être vérifié&#xa0;: le DNS n&apos;a pas répondu (%1). Vérifiez votre connexion réseau ou le serveur DNS dans les Paramètres.</numerusform>
            <numerusform>%n messages n&apos;ont pas pu être vérifiés&#xa0;: le DNS n&apos;a pas répondu (%1). Vérifiez votre connexion réseau ou le serveur DNS dans les Paramètres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open messages</source>
        <translation>Ouvrir des messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages (*.eml *.mbox *.txt);;All files (*)</source>
        <translation>Messages (*.eml *.mbox *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Sealcheck</source>
        <translation>À propos de Sealcheck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealcheck %1

Checks who really sent your e-mail: it recomputes SPF, DKIM, DMARC, ARC, S/MIME and OpenPGP on your own computer. It never changes your mailbox unless you ask it to, never loads remote content, and keeps passwords only in your keychain.</source>
        <translation>Sealcheck %1

Vérifie qui a réellement envoyé vos e-mails&#xa0;: Sealcheck recalcule SPF, DKIM, DMARC, ARC, S/MIME et OpenPGP sur votre propre ordinateur. Il ne modifie jamais votre boîte aux lettres sans que vous le demandiez, ne charge jamais de contenu distant et ne conserve les mots de passe que dans votre trousseau.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="-259"/>
        <source>%n new message(s) checked.</source>
        <translation>
            <numerusform>%n nouveau message vérifié.</numerusform>
            <numerusform>%n nouveaux messages vérifiés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-32"/>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="-400"/>
        <source>Sho&amp;w:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+344"/>
        <source>Checking %1 of %n message(s)…</source>
        <translation>
            <numerusform>Vérification du message %1 sur %n…</numerusform>
            <numerusform>Vérification du message %1 sur %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="-3"/>
        <source>Synchronising: %1 of %n message(s)…</source>
        <translation>
            <numerusform>Synchronisation&#xa0;: %1 sur %n message…</numerusform>
            <numerusform>Synchronisation&#xa0;: %1 sur %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 Trying again in %n second(s).</source>
        <translation>
            <numerusform>%1 Nouvelle tentative dans %n seconde.</numerusform>
            <numerusform>%1 Nouvelle tentative dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+141"/>
        <location line="+6"/>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The local message store cannot be opened: %1</source>
        <translation>Le stockage local des messages ne peut pas être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Settings saved. A new language is used from the next start.</source>
        <translation>Paramètres enregistrés. Une nouvelle langue sera utilisée à partir du prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::MessageView</name>
    <message>
        <location filename="../ui/MessageView.cpp" line="+29"/>
        <source>&amp;Copy report</source>
        <translation>Copier le &amp;rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the who&amp;le message</source>
        <translation>Afficher &amp;tout le message</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text not covered by the signature</source>
        <translation>Texte non couvert par la signature</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Messa&amp;ge</source>
        <translation>Messa&amp;ge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Security</source>
        <translation>&amp;Sécurité</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Attachments not covered: %1</source>
        <translation>Pièces jointes non couvertes : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed by %1</source>
        <translation>Signé par %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added after signing — not from %1</source>
        <translation>Ajouté après la signature — ne vient pas de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Covered by the %1 signature</source>
        <translation>Couvert par la signature %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not covered by the signature</source>
        <translation>Non couvert par la signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature covers only the text above. Anyone could have written the text below.</source>
        <translation>La signature ne couvre que le texte ci-dessus. N’importe qui a pu écrire le texte ci-dessous.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2 of %3): %4</source>
        <translation>%1 (%2 sur %3) : %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This message has %1 %2 fields; mail programs differ in which one they show.</source>
        <translation>Ce message a %1 champs %2 ; les logiciels de messagerie n’affichent pas tous le même.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Showing %1 of %2 characters of this message.</source>
        <translation>Affichage de %1 caractères sur %2 de ce message.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(This message has no text part.)</source>
        <translation>(Ce message n&apos;a pas de partie texte.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(The rest of this HTML message is not shown: it is too large.)</source>
        <translation>(La suite de ce message HTML n&apos;est pas affichée&#xa0;: il est trop volumineux.)</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::NoticeBar</name>
    <message>
        <location filename="../ui/NoticeBar.cpp" line="+22"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::PostureSection</name>
    <message>
        <location filename="../ui/PostureSection.cpp" line="+36"/>
        <source>good</source>
        <translation>bon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>broken</source>
        <translation>défectueux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>DMARC reject applies to all mail that fails: receivers refuse spoofed mail.</source>
        <translation>DMARC reject s&apos;applique à tous les messages en échec&#xa0;: les serveurs destinataires refusent les messages usurpés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC quarantine applies to all mail that fails: spoofed mail goes to the spam folder, where people still find it (reject would refuse it).</source>
        <translation>DMARC quarantine s&apos;applique à tous les messages en échec&#xa0;: les messages usurpés vont dans le dossier spam, où l&apos;on peut encore les trouver (reject les refuserait).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DMARC %1 is only partly applied (pct or t=y): some spoofed mail is delivered.</source>
        <translation>DMARC %1 n&apos;est appliqué que partiellement (pct ou t=y)&#xa0;: certains messages usurpés sont distribués.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC p=none: spoofed mail is only reported, not stopped.</source>
        <translation>DMARC p=none&#xa0;: les messages usurpés sont seulement signalés, pas bloqués.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DMARC could not be checked.</source>
        <translation>DMARC n&apos;a pas pu être vérifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No working DMARC policy: nothing asks receivers to stop spoofed mail.</source>
        <translation>Aucune politique DMARC valable&#xa0;: rien ne demande aux serveurs destinataires de bloquer les messages usurpés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF works and ends in %1.</source>
        <translation>SPF fonctionne et se termine par %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPF +all lets any server pass SPF, and through it DMARC.</source>
        <translation>SPF +all permet à n&apos;importe quel serveur de réussir SPF, et par là DMARC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPF does not work, so nothing lists the servers allowed to send for the domain.</source>
        <translation>SPF ne fonctionne pas&#xa0;: rien n&apos;indique donc quels serveurs peuvent envoyer pour le domaine.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail to the domain is protected in transit (%1).</source>
        <translation>Les messages adressés au domaine sont protégés pendant l&apos;acheminement (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail to the domain is not protected in transit (no MTA-STS in enforce mode, no DNSSEC-validated DANE); this does not change the grade.</source>
        <translation>Les messages adressés au domaine ne sont pas protégés pendant l&apos;acheminement (pas de MTA-STS en mode enforce, pas de DANE validé par DNSSEC)&#xa0;; cela ne change pas la note.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain accepts no mail (null MX).</source>
        <translation>Le domaine n&apos;accepte aucun message (null MX).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One grade lower: the MTA-STS setup is broken.</source>
        <translation>Une note de moins&#xa0;: la configuration MTA-STS est défectueuse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One grade lower: a DKIM key checked is broken.</source>
        <translation>Une note de moins&#xa0;: une clé DKIM vérifiée est défectueuse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The domain does not exist in DNS.</source>
        <translation>Le domaine n&apos;existe pas dans le DNS.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Well protected: receivers refuse mail that pretends to come from this domain.</source>
        <translation>Bien protégé&#xa0;: les serveurs destinataires refusent les messages qui prétendent provenir de ce domaine.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected against spoofing: mail that pretends to come from this domain goes to the spam folder.</source>
        <translation>Protégé contre l&apos;usurpation&#xa0;: les messages qui prétendent provenir de ce domaine vont dans le dossier spam.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partly protected: some mail that pretends to come from this domain still gets through.</source>
        <translation>Partiellement protégé&#xa0;: certains messages qui prétendent provenir de ce domaine passent encore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weak: mail that pretends to come from this domain is delivered as usual.</source>
        <translation>Faible&#xa0;: les messages qui prétendent provenir de ce domaine sont distribués normalement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unprotected: nothing stops others from sending mail in this domain&apos;s name.</source>
        <translation>Non protégé&#xa0;: rien n&apos;empêche d&apos;autres personnes d&apos;envoyer des messages au nom de ce domaine.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DNSSEC-validated</source>
        <translation>validée par DNSSEC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not DNSSEC-validated</source>
        <translation>non validée par DNSSEC</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not used: the certificate of %1 was not accepted, so the policy could not be fetched securely.</source>
        <translation>Non utilisée : le certificat de %1 n’a pas été accepté, la politique n’a donc pas pu être récupérée de façon sûre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used: the web server %1 could not be reached.</source>
        <translation>Non utilisée : le serveur web %1 est injoignable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: the web server %1 did not answer in time.</source>
        <translation>Non utilisée : le serveur web %1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: %1 has no policy at the address MTA-STS prescribes (the server answered with an error).</source>
        <translation>Non utilisée : %1 n’a pas de politique à l’adresse prescrite par MTA-STS (le serveur a répondu par une erreur).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not used: %1 redirects the request elsewhere, which MTA-STS forbids.</source>
        <translation>Non utilisée : %1 redirige la requête ailleurs, ce que MTA-STS interdit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: the policy is not served as plain text (text/plain), as MTA-STS requires.</source>
        <translation>Non utilisée : la politique n’est pas servie en texte brut (text/plain), comme l’exige MTA-STS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not used: the policy file is larger than MTA-STS allows.</source>
        <translation>Non utilisée : le fichier de politique dépasse la taille permise par MTA-STS.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not used: the policy could not be fetched.</source>
        <translation>Non utilisée : la politique n’a pas pu être récupérée.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+73"/>
        <source>Check this domain&apos;s protection</source>
        <translation>Vérifier la protection de ce domaine</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Records the domain owner should publish:</source>
        <translation>Enregistrements que le propriétaire du domaine devrait publier&#xa0;:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the domain</source>
        <translation>Vérification du domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks DNS for the domain&apos;s SPF, DMARC, MTA-STS, TLS-RPT, DANE and BIMI records and fetches its MTA-STS policy over HTTPS.</source>
        <translation>Interroge le DNS sur les enregistrements SPF, DMARC, MTA-STS, TLS-RPT, DANE et BIMI du domaine et récupère sa politique MTA-STS via HTTPS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sender domain checks</source>
        <translation>Vérifications du domaine de l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records to publish</source>
        <translation>Enregistrements à publier</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Sender domain: none (the message has no single From address).</source>
        <translation>Domaine de l&apos;expéditeur&#xa0;: aucun (le message n&apos;a pas d&apos;adresse From unique).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sender domain: %1</source>
        <translation>Domaine de l&apos;expéditeur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not checked yet. The check asks DNS and the domain&apos;s web server, so it runs only when you ask.</source>
        <translation>Pas encore vérifié. La vérification interroge le DNS et le serveur web du domaine&#xa0;: elle n&apos;est donc lancée que si vous le demandez.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking %1: asking DNS and fetching the MTA-STS policy…</source>
        <translation>Vérification de %1&#xa0;: interrogation du DNS et récupération de la politique MTA-STS…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>DNS cannot be used: %1</source>
        <translation>Le DNS ne peut pas être utilisé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The domain could not be checked: %1</source>
        <translation>Le domaine n&apos;a pas pu être vérifié&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+63"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+31"/>
        <location line="+30"/>
        <source>DNS answer</source>
        <translation>Réponse DNS</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publish</source>
        <translation>À publier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist in DNS.</source>
        <translation>%1 n&apos;existe pas dans le DNS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade %1 — %2</source>
        <translation>Note %1 — %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none: the domain accepts no mail (null MX)</source>
        <translation>aucun&#xa0;: le domaine n&apos;accepte aucun message (null MX)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail servers (MX)</source>
        <translation>Serveurs de messagerie (MX)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS lookups</source>
        <translation>Requêtes DNS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none (neutral)</source>
        <translation>aucun (neutre)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy (p=)</source>
        <translation>Politique (p=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subdomains (sp=)</source>
        <translation>Sous-domaines (sp=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-existent subdomains (np=)</source>
        <translation>Sous-domaines inexistants (np=)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set (%1 applies)</source>
        <translation>non défini (%1 s&apos;applique)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pct=</source>
        <translation>pct=</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DKIM %1, SPF %2</source>
        <translation>DKIM %1, SPF %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reports to</source>
        <translation>Rapports envoyés à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nobody</source>
        <translation>personne</translation>
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
        <translation>Politique</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Not fetched: the DNS answers come from a zone file, so the domain&apos;s web server is not asked.</source>
        <translation>Non récupérée : les réponses DNS proviennent d&apos;un fichier de zone, le serveur web du domaine n&apos;est donc pas interrogé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Senders act as if the domain had no MTA-STS policy.</source>
        <translation>Les expéditeurs agissent comme si le domaine n’avait pas de politique MTA-STS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mode %1, mx %2</source>
        <translation>mode %1, mx %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>MX hosts</source>
        <translation>Serveurs de messagerie (MX)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Not matched by any mx line of the policy: %1</source>
        <translation>Couverts par aucune ligne mx de la politique : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All match the policy: %1</source>
        <translation>Tous correspondent à la politique : %1</translation>
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
        <translation>aucun enregistrement TLSA</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n TLSA record(s), %1</source>
        <translation>
            <numerusform>%n enregistrement TLSA, %1</numerusform>
            <numerusform>%n enregistrements TLSA, %1</numerusform>
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
        <translation>oui</translation>
    </message>
    <message>
        <location line="-320"/>
        <location line="+321"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Verdict not yet re-checked</source>
        <translation>Verdict pas encore revérifié</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Security checks</source>
        <translation>Vérifications de sécurité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Reçu par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>Delivery path</source>
        <translation>Chemin d&apos;acheminement</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Raw header</source>
        <translation>En-tête brut</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Summary of the checks</source>
        <translation>Résumé des vérifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claimed by the sender, not verified</source>
        <translation>Déclaré par l&apos;expéditeur, non vérifié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sender domain</source>
        <translation>Domaine de l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Claimed, not verified:</source>
        <translation>Déclaré, non vérifié&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender (From)</source>
        <translation>Expéditeur (From)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not one readable address</source>
        <translation>pas d&apos;adresse unique lisible</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+173"/>
        <source>As written</source>
        <translation>Texte d&apos;origine</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Name shown</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+53"/>
        <location line="+62"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>From fields</source>
        <translation>Champs d&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisational domain</source>
        <translation>Domaine organisationnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record at</source>
        <translation>Emplacement de l&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <location line="+79"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Policy applied</source>
        <translation>Politique appliquée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM aligned</source>
        <translation>DKIM correspond à l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF aligned</source>
        <translation>SPF correspond à l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
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
        <translation>strict</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>relaxed</source>
        <translation>souple</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testing</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the domain&apos;s policy is in test mode</source>
        <translation>la politique du domaine est en mode test</translation>
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
        <translation>Explication</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>RFC 7489 reading</source>
        <translation>Interprétation selon la RFC 7489</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>organisational domain %1 (public suffix list)</source>
        <translation>domaine organisationnel %1 (Public Suffix List)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DKIM signatures</source>
        <translation>Signatures DKIM</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+128"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Signature by %1</source>
        <translation>Signature de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+107"/>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Algorithm</source>
        <translation>Algorithme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2 bits</source>
        <translation>%1, %2 bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key protected by DNSSEC</source>
        <translation>Clé protégée par DNSSEC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matches the sender</source>
        <translation>Correspond à l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+102"/>
        <source>Canonicalization</source>
        <translation>Canonicalisation</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Signed fields</source>
        <translation>Champs signés</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+67"/>
        <source>Not signed</source>
        <translation>Non signé</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Body length (l=)</source>
        <translation>Longueur du corps du message (l=)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n byte(s) signed</source>
        <translation>
            <numerusform>%1 sur %n octet signé</numerusform>
            <numerusform>%1 sur %n octets signés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+65"/>
        <source>Signed at</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key record</source>
        <translation>Enregistrement de la clé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>Client IP</source>
        <translation>Adresse IP du serveur d&apos;envoi</translation>
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
        <translation>Enveloppe issue de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matched</source>
        <translation>Règle correspondante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS lookups</source>
        <translation>Requêtes DNS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender&apos;s explanation</source>
        <translation>Explication de l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reverse DNS (iprev)</source>
        <translation>DNS inverse (iprev)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reverse names</source>
        <translation>Noms issus du DNS inverse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed name</source>
        <translation>Nom confirmé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ARC (forwarding)</source>
        <translation>ARC (transfert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hop %1</source>
        <translation>Étape %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (cv=%2, seal %3, signature %4)</source>
        <translation>%1 (cv=%2, sceau %3, signature %4)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted</source>
        <translation>De confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names the sender</source>
        <translation>Mentionne l&apos;expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covers the whole message</source>
        <translation>Couvre tout le message</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer / validity</source>
        <translation>Émetteur / validité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S/MIME signature</source>
        <translation>Signature S/MIME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenPGP signature</source>
        <translation>Signature OpenPGP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vouch By Reference (VBR)</source>
        <translation>Vouch By Reference (VBR)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authenticated by</source>
        <translation>Authentifié par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vouching service</source>
        <translation>Service garant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A vouch is reputation, not proof of the sender; it never changes the verdict.</source>
        <translation>Une garantie concerne la réputation, elle ne prouve pas l&apos;expéditeur&#xa0;; elle ne change jamais le verdict.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Historic methods</source>
        <translation>Méthodes obsolètes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not used for the verdict</source>
        <translation>non prises en compte pour le verdict</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DomainKeys signature by %1</source>
        <translation>Signature DomainKeys de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Replaced by</source>
        <translation>Remplacé par</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Reported by</source>
        <translation>Signalé par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>provider profile: %1</source>
        <translation>profil du fournisseur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication-Results</source>
        <translation>Authentication-Results</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unreadable)</source>
        <translation>(illisible)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no authserv-id)</source>
        <translation>(pas d&apos;authserv-id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trusted</source>
        <translation>de confiance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not trusted</source>
        <translation>pas de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parse error</source>
        <translation>Erreur d&apos;analyse</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trust boundary: the envelope for SPF comes from this hop.</source>
        <translation>La limite de confiance&#xa0;: l&apos;enveloppe utilisée pour SPF provient de cette étape.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remembered key</source>
        <translation>Clé mémorisée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer published; verified with the key published on %1 (last seen %2)</source>
        <translation>n&apos;est plus publiée&#xa0;; vérifiée avec la clé publiée le %1 (vue pour la dernière fois le %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer published; verified with the key published on %1</source>
        <translation>n&apos;est plus publiée&#xa0;; vérifiée avec la clé publiée le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key changed</source>
        <translation>Clé modifiée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes: this key differs from the one Sealcheck saw for %1 before</source>
        <translation>oui&#xa0;: cette clé diffère de celle que Sealcheck avait vue auparavant pour %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Pinned key</source>
        <translation>Clé épinglée</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>matches the key you pinned</source>
        <translation>correspond à la clé que vous avez épinglée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CHANGED: this key differs from the key you pinned</source>
        <translation>MODIFIÉE&#xa0;: cette clé diffère de la clé que vous avez épinglée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted signer</source>
        <translation>Signataire accepté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you accepted %1 as a signer for %2</source>
        <translation>vous avez accepté %1 comme signataire pour %2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Unpin</source>
        <translation>Ne plus épingler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key could not be unpinned: %1</source>
        <translation>L&apos;épinglage de la clé n&apos;a pas pu être retiré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key of %1 is no longer pinned.</source>
        <translation>La clé de %1 n&apos;est plus épinglée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin this key</source>
        <translation>Épingler cette clé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key could not be pinned: %1</source>
        <translation>La clé n&apos;a pas pu être épinglée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key of %1 (selector %2) is pinned: a different key later is a warning.</source>
        <translation>La clé de %1 (sélecteur %2) est épinglée&#xa0;: une clé différente par la suite sera signalée par un avertissement.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop expecting a signature from %1</source>
        <translation>Ne plus attendre de signature de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not change the expectation: %1</source>
        <translation>Impossible de modifier l&apos;attente&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail from %1 is no longer expected to be signed.</source>
        <translation>Les messages de %1 ne sont plus censés être signés.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Always expect a signature from %1</source>
        <translation>Toujours attendre une signature de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save the expectation: %1</source>
        <translation>Impossible d&apos;enregistrer l&apos;attente&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail from %1 is expected to be signed from now on; unsigned mail from it will be shown as suspicious.</source>
        <translation>Les messages de %1 sont désormais censés être signés&#xa0;; les messages non signés qui en proviennent seront affichés comme suspects.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop accepting %1 as a signer for %2</source>
        <translation>Ne plus accepter %1 comme signataire pour %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not change the accepted signers: %1</source>
        <translation>Impossible de modifier les signataires acceptés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 no longer vouches for mail from %2.</source>
        <translation>%1 ne se porte plus garant des messages de %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept %1 as a signer for %2…</source>
        <translation>Accepter %1 comme signataire pour %2…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Accept %1 as the sending service of %2?

%2 publishes nothing that lets Sealcheck confirm its mail. If you know that %2 sends its mail through %1 (a newsletter or ticket service, for example), Sealcheck will show mail from %2 that %1 signed over the whole message as &quot;signed by %1 for %2 — your exception&quot;.

Only do this if you are sure: anyone who can send mail through %1 can then write in the name of %2. Forged and suspicious mail stays forged and suspicious. You can undo this in Settings › Senders and keys.</source>
        <translation>Accepter %1 comme service d&apos;envoi de %2&#xa0;?

%2 ne publie rien qui permette à Sealcheck de confirmer ses messages. Si vous savez que %2 envoie ses messages via %1 (un service de newsletter ou de tickets, par exemple), Sealcheck affichera les messages de %2 que %1 a signés en entier comme «&#xa0;signé par %1 pour %2 — votre exception&#xa0;».

Ne le faites que si vous en êtes sûr&#xa0;: toute personne pouvant envoyer des messages via %1 pourra alors écrire au nom de %2. Les messages falsifiés et suspects restent falsifiés et suspects. Vous pouvez annuler cela dans Paramètres › Expéditeurs et clés.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accept a signer</source>
        <translation>Accepter un signataire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accept %1</source>
        <translation>A&amp;ccepter %1</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Could not save the accepted signer: %1</source>
        <translation>Impossible d&apos;enregistrer le signataire accepté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is accepted as the sending service of %2.</source>
        <translation>%1 est accepté comme service d&apos;envoi de %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remember</source>
        <translation>Mémoriser</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+115"/>
        <source>Use the system&apos;s DNS resolvers</source>
        <translation>Utiliser les serveurs DNS du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this DNS server:</source>
        <translation>Utiliser ce serveur DNS&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark forged messages with $Phishing in new accounts</source>
        <translation>Marquer les messages falsifiés avec $Phishing dans les nouveaux comptes</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+5"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pinned since</source>
        <translation>Épinglée depuis</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+124"/>
        <source>Pinned keys</source>
        <translation>Clés épinglées</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Expected since</source>
        <translation>Attendue depuis</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+124"/>
        <source>Domains that always sign</source>
        <translation>Domaines qui signent toujours</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For mail from</source>
        <translation>Pour les messages de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accepted since</source>
        <translation>Accepté depuis</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+126"/>
        <source>Accepted signers</source>
        <translation>Signataires acceptés</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Remove pin</source>
        <translation>Retirer l&apos;épinglage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove expectation</source>
        <translation>Retirer l&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove signer</source>
        <translation>Retirer le signataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known because</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+105"/>
        <source>Domains you know</source>
        <translation>Domaines que vous connaissez</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Add domain</source>
        <translation>Ajouter un domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove domain</source>
        <translation>Supprimer le domaine</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+250"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>address, or address@port (e.g. 127.0.0.1@5353)</source>
        <translation>adresse, ou adresse@port (par ex. 127.0.0.1@5353)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Extra S/MIME roots (PEM):</source>
        <translation>Certificats racines S/MIME supplémentaires (PEM)&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GnuPG&apos;s default</source>
        <translation>Valeur par défaut de GnuPG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GnuPG home:</source>
        <translation>Dossier GnuPG&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language is used from the next start.</source>
        <translation>Une nouvelle langue sera utilisée à partir du prochain démarrage.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+131"/>
        <location line="+31"/>
        <source>Senders and keys</source>
        <translation>Expéditeurs et clés</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Opened files</source>
        <translation>Fichiers ouverts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S/MIME root certificates</source>
        <translation>Certificats racines S/MIME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GnuPG home</source>
        <translation>Dossier GnuPG</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sealcheck warns about lookalikes of these domains and about addresses that hide them. It learns the domains of your accounts and of authenticated senders you answer; it never learns a domain that imitates one of these.</source>
        <translation>Sealcheck avertit des imitations de ces domaines et des adresses qui les dissimulent. Il apprend les domaines de vos comptes et ceux des expéditeurs authentifiés auxquels vous répondez&#xa0;; il n&apos;apprend jamais un domaine qui imite l&apos;un d&apos;eux.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. mybank.example</source>
        <translation>p. ex. mabanque.example</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A different DKIM key from one of these domains is shown as a warning.</source>
        <translation>Une clé DKIM différente pour l&apos;un de ces domaines est signalée par un avertissement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message from one of these domains without a valid signature by it is shown as suspicious.</source>
        <translation>Un message provenant de l&apos;un de ces domaines sans signature valide de sa part est affiché comme suspect.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A valid signature by the signer authenticates mail from the sender domain (e.g. a newsletter sent by its mailing service), unless the sender&apos;s own policy says otherwise.</source>
        <translation>Une signature valide du signataire authentifie les messages du domaine de l&apos;expéditeur (par ex. une lettre d&apos;information envoyée par son service d&apos;envoi), sauf si la politique propre à l&apos;expéditeur en dispose autrement.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add entries from the Security tab of a message. Removing one takes effect at once.</source>
        <translation>Ajoutez des entrées depuis l&apos;onglet «&#xa0;Sécurité&#xa0;» d&apos;un message. Le retrait d&apos;une entrée prend effet immédiatement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is remembered: there is no local store.</source>
        <translation>Rien n&apos;est mémorisé&#xa0;: il n&apos;y a pas de stockage local.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every selector</source>
        <translation>tous les sélecteurs</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>your account</source>
        <translation>votre compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you answered its mail</source>
        <translation>vous avez répondu à ses messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you added it</source>
        <translation>vous l&apos;avez ajouté</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a domain name.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de domaine.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The entry could not be removed: %1</source>
        <translation>L&apos;entrée n&apos;a pas pu être retirée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The DNS server must be an IP address, optionally followed by @ and a port.</source>
        <translation>Le serveur DNS doit être une adresse IP, éventuellement suivie de @ et d&apos;un port.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::StoreMessageModel</name>
    <message>
        <location filename="../ui/StoreMessageModel.cpp" line="+115"/>
        <source>IMAP message %1</source>
        <translation>Message IMAP %1</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::TrustOfferBar</name>
    <message>
        <location filename="../ui/TrustOfferBar.cpp" line="+10"/>
        <source>&amp;Trust</source>
        <translation>Faire c&amp;onfiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trust your provider&apos;s reports</source>
        <translation>Faire confiance aux rapports de votre fournisseur</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Your provider checks who sent each message when it arrives and writes the result into the message, signed with the name &quot;%1&quot;. Most messages in %2 carry it at the top. If %1 is your provider&apos;s mail server, Sealcheck can use these results too, for example when a sender&apos;s key has been withdrawn since. Trust only a name you recognise as your provider&apos;s: anyone can write such a field lower down.</source>
        <translation>Votre fournisseur vérifie qui a envoyé chaque message à son arrivée et inscrit le résultat dans le message, sous le nom «&#xa0;%1&#xa0;». La plupart des messages de %2 le portent tout en haut. Si %1 est le serveur de messagerie de votre fournisseur, Sealcheck peut lui aussi utiliser ces résultats, par exemple lorsque la clé d&apos;un expéditeur a été retirée depuis. Ne faites confiance qu&apos;à un nom que vous reconnaissez comme celui de votre fournisseur&#xa0;: n&apos;importe qui peut écrire un tel champ plus bas.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::VerdictBanner</name>
    <message>
        <location filename="../ui/VerdictBanner.cpp" line="+48"/>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n technical note(s)</source>
        <translation>
            <numerusform>%n note technique</numerusform>
            <numerusform>%n notes techniques</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The message could not be read: %1</source>
        <translation>Le message n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a message to see who really sent it.</source>
        <translation>Sélectionnez un message pour voir qui l&apos;a réellement envoyé.</translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::WelcomePane</name>
    <message>
        <location filename="../ui/WelcomePane.cpp" line="+11"/>
        <source>Add account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a file…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome to Sealcheck</source>
        <translation>Bienvenue dans Sealcheck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sealcheck checks who really sent your e-mail. Start with one of these:</source>
        <translation>Sealcheck vérifie qui a vraiment envoyé vos e-mails. Commencez par l’une de ces options&#xa0;:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your IMAP mailbox: new mail is checked as it arrives. Nothing on the server is changed.</source>
        <translation>Votre boîte IMAP&#xa0;: le nouveau courrier est vérifié à son arrivée. Rien n’est modifié sur le serveur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved messages (.eml) or a mailbox file (mbox). You can also drop files here.</source>
        <translation>Des messages enregistrés (.eml) ou un fichier de boîte aux lettres (mbox). Vous pouvez aussi déposer des fichiers ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A few made-up messages, genuine and forged, to see what Sealcheck shows.</source>
        <translation>Quelques messages inventés, authentiques et falsifiés, pour voir ce que Sealcheck affiche.</translation>
    </message>
</context>
</TS>

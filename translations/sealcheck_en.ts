<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>sealcheck::ui</name>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="48"/>
        <source>The message has %n sender field(s); your mail program may show a different sender from the one checked.</source>
        <translation>
            <numerusform>The message has %n sender field; your mail program may show a different sender from the one checked.</numerusform>
            <numerusform>The message has %n sender fields; your mail program may show a different sender from the one checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="69"/>
        <source>The %1 signature covers only part of the message: %n part(s) are not signed.</source>
        <translation>
            <numerusform>The %1 signature covers only part of the message: %n part is not signed.</numerusform>
            <numerusform>The %1 signature covers only part of the message: %n parts are not signed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="90"/>
        <source>The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are not signed, nor are these header fields: %2.</source>
        <translation>
            <numerusform>The DKIM signature by %1 covers only part of the message: %n byte at the end of the text is not signed, nor are these header fields: %2.</numerusform>
            <numerusform>The DKIM signature by %1 covers only part of the message: %n bytes at the end of the text are not signed, nor are these header fields: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="97"/>
        <source>The DKIM signature by %1 covers only part of the message: %n header field(s) are not signed (%2).</source>
        <translation>
            <numerusform>The DKIM signature by %1 covers only part of the message: %n header field is not signed (%2).</numerusform>
            <numerusform>The DKIM signature by %1 covers only part of the message: %n header fields are not signed (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="94"/>
        <source>The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are not signed.</source>
        <translation>
            <numerusform>The DKIM signature by %1 covers only part of the message: %n byte at the end of the text is not signed.</numerusform>
            <numerusform>The DKIM signature by %1 covers only part of the message: %n bytes at the end of the text are not signed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="110"/>
        <source>The DKIM key of %1 is only %n bit(s) long.</source>
        <translation>
            <numerusform>The DKIM key of %1 is only %n bit long.</numerusform>
            <numerusform>The DKIM key of %1 is only %n bits long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="119"/>
        <source>%n Authentication-Results field(s) were not trusted.</source>
        <translation>
            <numerusform>%n Authentication-Results field was not trusted.</numerusform>
            <numerusform>%n Authentication-Results fields were not trusted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="120"/>
        <source>%n Authentication-Results field(s) were not trusted (the first one written by %1).</source>
        <translation>
            <numerusform>%n Authentication-Results field was not trusted (written by %1).</numerusform>
            <numerusform>%n Authentication-Results fields were not trusted (the first one written by %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="135"/>
        <source>DNS lookups for this message stopped after %n millisecond(s) of waiting; checks that needed more report a temporary error.</source>
        <translation>
            <numerusform>DNS lookups for this message stopped after %n millisecond of waiting; checks that needed more report a temporary error.</numerusform>
            <numerusform>DNS lookups for this message stopped after %n milliseconds of waiting; checks that needed more report a temporary error.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingText.cpp" line="136"/>
        <source>DNS lookups for this message stopped at the limit of %n query(ies); checks that needed more report a temporary error.</source>
        <translation>
            <numerusform>DNS lookups for this message stopped at the limit of %n query; checks that needed more report a temporary error.</numerusform>
            <numerusform>DNS lookups for this message stopped at the limit of %n queries; checks that needed more report a temporary error.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::AccountDialog</name>
    <message numerus="yes">
        <location filename="../ui/AccountDialog.cpp" line="394"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="448"/>
        <source>%n message(s) checked.</source>
        <translation>
            <numerusform>%n message checked.</numerusform>
            <numerusform>%n messages checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="447"/>
        <source>Checking %1 of %n message(s)…</source>
        <translation>
            <numerusform>Checking %1 of %n message…</numerusform>
            <numerusform>Checking %1 of %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="143"/>
        <source>Checking again with the new trust setting: %1 of %n message(s)…</source>
        <translation>
            <numerusform>Checking again with the new trust setting: %1 of %n message…</numerusform>
            <numerusform>Checking again with the new trust setting: %1 of %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="144"/>
        <source>%n message(s) checked again.</source>
        <translation>
            <numerusform>%n message checked again.</numerusform>
            <numerusform>%n messages checked again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="287"/>
        <source>%1: only the first %n message(s) were opened</source>
        <translation>
            <numerusform>%1: only the first message was opened</numerusform>
            <numerusform>%1: only the first %n messages were opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="479"/>
        <source>%n message(s) could not be checked now. This is not a verdict about the sender.</source>
        <translation>
            <numerusform>%n message could not be checked now. This is not a verdict about the sender.</numerusform>
            <numerusform>%n messages could not be checked now. This is not a verdict about the senders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="480"/>
        <source>%n message(s) could not be checked: DNS did not answer (%1). Check your network connection or the DNS server in Settings.</source>
        <translation>
            <numerusform>%n message could not be checked: DNS did not answer (%1). Check your network connection or the DNS server in Settings.</numerusform>
            <numerusform>%n messages could not be checked: DNS did not answer (%1). Check your network connection or the DNS server in Settings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="96"/>
        <source>Synchronising: %1 of %n message(s)…</source>
        <translation>
            <numerusform>Synchronising: %1 of %n message…</numerusform>
            <numerusform>Synchronising: %1 of %n messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="100"/>
        <source>%1 Trying again in %n second(s).</source>
        <translation>
            <numerusform>%1 Trying again in %n second.</numerusform>
            <numerusform>%1 Trying again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindowAccounts.cpp" line="131"/>
        <source>%n new message(s) checked.</source>
        <translation>
            <numerusform>%n new message checked.</numerusform>
            <numerusform>%n new messages checked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::PostureSection</name>
    <message numerus="yes">
        <location filename="../ui/PostureSection.cpp" line="446"/>
        <source>%n TLSA record(s), %1</source>
        <translation>
            <numerusform>%n TLSA record, %1</numerusform>
            <numerusform>%n TLSA records, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::SecurityPanel</name>
    <message numerus="yes">
        <location filename="../ui/SecurityPanel.cpp" line="224"/>
        <source>%1 of %n byte(s) signed</source>
        <translation>
            <numerusform>%1 of %n byte signed</numerusform>
            <numerusform>%1 of %n bytes signed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sealcheck::ui::VerdictBanner</name>
    <message numerus="yes">
        <location filename="../ui/VerdictBanner.cpp" line="84"/>
        <source>%n technical note(s)</source>
        <translation>
            <numerusform>%n technical note</numerusform>
            <numerusform>%n technical notes</numerusform>
        </translation>
    </message>
</context>
</TS>

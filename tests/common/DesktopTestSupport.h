#pragma once
// Shared by the desktop widget tests that drive the key memory and the known domains
// (tst_keymemoryui, tst_knowndomainsui): the demo zone as verification settings with a store for
// the memory, running code inside the modal settings dialog the window opens from its menu, and
// inside the next modal dialog (tst_welcomepane, tst_desktopaccounts).

#include "MainWindow.h"
#include "SettingsDialog.h"
#include "ZoneResolver.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QTimer>

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

namespace desktoptest {

inline QString demoDir() { return QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo"); }

/// The demo zone, verified at 2026-11-24T12:00:00Z, the demo provider trusted, OpenPGP off, the
/// key memory and known domains in @p memory ("" = none). @p zoneOut receives the resolver, so
/// that a test can make names fail (ZoneResolver::setFailure).
inline sealcheck::VerificationSettings demoSettings(const QString &memory = {},
                                                    std::shared_ptr<verifier::ZoneResolver> *zoneOut = nullptr)
{
    sealcheck::VerificationSettings s;
    auto zone = std::make_shared<verifier::ZoneResolver>();
    std::ifstream in((demoDir() + QStringLiteral("/demo.zone")).toStdString());
    std::stringstream text;
    text << in.rdbuf();
    if (!zone->loadMasterFile(text.str()).ok())
        qFatal("demo zone does not load");
    s.resolver = zone;
    if (zoneOut)
        *zoneOut = zone;
    s.fixedNow = QDateTime::fromString(QStringLiteral("2026-11-24T12:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
    s.trust.relays = {"mx.sealcheck-demo.example"};
    s.trust.authservIds = {"mx.sealcheck-demo.example"};
    s.signatures.useSystemCa = false;
    s.signatures.enableOpenPgp = false;
    s.memoryStorePath = memory;
    return s;
}

/// Runs @p act on the next modal dialog (QMessageBox, AccountDialog, QFileDialog) once it is open.
inline void onNextModal(std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (QWidget *w = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            act(w);
        }
    });
    timer->start();
}

enum class SettingsButton { Cancel, Ok };

/// Runs @p interact on the settings dialog the window opens from its menu, then closes it with
/// @p close (OK saves and applies the settings).
inline bool withSettingsDialog(sealcheck::ui::MainWindow &w, const std::function<void(sealcheck::ui::SettingsDialog &)> &interact,
                               SettingsButton close = SettingsButton::Cancel)
{
    QAction *settings = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Settings")))
            settings = a;
    }
    if (!settings)
        return false;
    bool ran = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *d = qobject_cast<sealcheck::ui::SettingsDialog *>(QApplication::activeModalWidget());
        if (!d || ran)
            return;
        ran = true;
        poll.stop();
        interact(*d);
        if (close == SettingsButton::Ok)
            d->accept();
        else
            d->reject();
    });
    poll.start();
    settings->trigger(); // modal: returns when interact() closed it
    return ran;
}

} // namespace desktoptest

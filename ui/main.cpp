// sealcheck: the desktop program. `sealcheck [FILE.eml...]`, `sealcheck --demo`, and
// `--screenshot FILE.png` (render the window once it has settled, save it, exit).

#include "MainWindow.h"
#include "MessageView.h"

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

void installTranslations(QCoreApplication &app)
{
    // Settings › Language ("" = follow the system locale; "en", "de", "fr").
    const QString chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    if (!chosen.isEmpty())
        QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    // Any language without its own file (and the "C" locale) gets English, whose file holds
    // only the plural forms ("1 message", "2 messages").
    if (own->load(locale, QStringLiteral("sealcheck"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral("sealcheck_en"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

void setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("sealcheck"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sealcheck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEALCHECK_VERSION));
}

/// --help and --version print and exit: answered before a QApplication exists, so they work
/// without a display (issue 20: they aborted on "could not connect to display").
bool onlyAsksForText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-?" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
        if (a == "--")
            break;
    }
    return false;
}

struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"), QCoreApplication::translate("main", "Open the built-in demo mailbox.")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main", "Save a picture of the window once it has settled, then exit."),
                                  QStringLiteral("FILE.png")};
    QCommandLineOption dark{QStringLiteral("dark"), QCoreApplication::translate("main", "Use a dark palette.")};
    QCommandLineOption select{QStringLiteral("select"),
                              QCoreApplication::translate("main", "Select the first message with this verdict."),
                              QStringLiteral("VERDICT")};

    void describe(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Checks who really sent your e-mail."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, screenshot, dark, select});
        parser.addPositionalArgument(QStringLiteral("FILE"),
                                     QCoreApplication::translate("main", "Messages to inspect (.eml, mbox)."),
                                     QStringLiteral("[FILE...]"));
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (onlyAsksForText(argc, argv)) {
        QCoreApplication core(argc, argv);
        setNames();
        installTranslations(core);
        QCommandLineParser parser;
        Options().describe(parser);
        parser.process(core); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Sealcheck"));
    QApplication::setDesktopFileName(QStringLiteral("org.sealcheck.Sealcheck"));
    installTranslations(app);

    QCommandLineParser parser;
    const Options options;
    options.describe(parser);
    const QCommandLineOption &demo = options.demo, &screenshot = options.screenshot, &dark = options.dark,
                             &select = options.select;
    parser.process(app);

    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    sealcheck::ui::MainWindow window;
    if (parser.isSet(demo)) {
        QString error;
        if (!window.loadDemo(&error)) {
            std::fprintf(stderr, "sealcheck: %s\n", qPrintable(error));
            return 2;
        }
    }
    if (!parser.positionalArguments().isEmpty())
        window.openFiles(parser.positionalArguments());
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const QString verdict = parser.isSet(select) ? parser.value(select) : QStringLiteral("forged");
        auto take = [&window, file, verdict] {
            window.selectFirst(verdict);
            QTimer::singleShot(300, &window, [&window, file] {
                const bool ok = window.grab().save(file);
                std::fprintf(ok ? stdout : stderr, ok ? "sealcheck: saved %s\n" : "sealcheck: cannot save %s\n",
                             qPrintable(file));
                QApplication::exit(ok ? 0 : 2);
            });
        };
        if (window.isSettled())
            QTimer::singleShot(200, &window, take);
        else
            QObject::connect(&window, &sealcheck::ui::MainWindow::settled, &window, take, Qt::SingleShotConnection);
        QTimer::singleShot(60000, &window, [] {
            std::fprintf(stderr, "sealcheck: the window did not settle within 60 s\n");
            QApplication::exit(2);
        });
    } else if (parser.isSet(select)) {
        QObject::connect(&window, &sealcheck::ui::MainWindow::settled, &window,
                         [&] { window.selectFirst(parser.value(select)); }, Qt::SingleShotConnection);
    }
    return app.exec();
}

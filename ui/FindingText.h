#pragma once
// Translated sentences for the verifier's findings. The verifier gives codes and arguments;
// only the UI turns them into words (STYLE.md habit 1).

#include "Report.h"

#include <QString>

namespace sealcheck::ui {

QString findingText(const verifier::Finding &finding);

} // namespace sealcheck::ui

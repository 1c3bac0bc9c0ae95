// Wires the add-on's logic (sealcheck-core.js) to Thunderbird's events.
"use strict";
SealcheckCore.create(messenger).register();

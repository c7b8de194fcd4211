// Runs inside the VS Code extension host: every integration suite, bundled as one file for mocha.
import './extension.test.js';
import './preview.test.js';
import './config.test.js';
import './scorecard.test.js';
import './authoring.test.js';
import './lm-tools.test.js';
// Last: it deletes what it wrote, but a stalled host would slow whatever came after it.
import './hostile.test.js';

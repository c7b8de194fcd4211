// Runs in VS Code's web worker extension host: every web suite, bundled as one file (out/test-web/index.js).
import './web.test.js';

// mocha's browser build (a UMD script that defines the global mocha), imported by the web suite's runner for its effect.
declare module 'mocha/mocha.js';

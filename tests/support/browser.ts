// The build renders diagrams with the same Chromium lookup the browser tests use.
export { CHROMIUM_CANDIDATES, CHROMIUM_FLAGS, findChromium, launchChromium } from '../../src/diagrams/chromium.ts';

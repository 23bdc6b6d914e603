/**
 * What every note page reads of the self-test contract (`self-test.ts`) before the test is used: the
 * root attribute, the switch, the remembered choice. Apart from the contract, so that the rest of it
 * (labels, classes) loads only with the test's script.
 *
 * Browser-safe: constants only, no imports.
 */
export const SELF_TEST_ATTRIBUTE = 'data-self-test';
/** The value of `SELF_TEST_ATTRIBUTE` while the test is on, and what localStorage keeps. */
export const SELF_TEST_ON = 'on';
export const SELF_TEST_STORAGE_KEY = 'notes-self-test';
/** On `<main>`: the page's note can be tested (the styles hide nothing elsewhere, e.g. in a link preview). */
export const SELF_TESTABLE_ATTRIBUTE = 'data-self-testable';
export const SELF_TEST_SWITCH_ATTRIBUTE = 'data-self-test-switch';

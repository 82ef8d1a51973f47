// Preloaded into every test file's process (test/run.mjs): V8 coverage is on for the test
// process itself, which is what the report counts; the programs a test starts (the CLI,
// fixtures under watch) must not inherit it, because block coverage slows their JavaScript
// and the fixtures' timing is what the verdict tests measure.
delete process.env.NODE_V8_COVERAGE;

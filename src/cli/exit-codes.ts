// Exit codes (DESIGN, "Exit codes"). Only src/cli sets them.
export const EXIT_REPORT = 0;
export const EXIT_FAIL_ON = 1;
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 3;
export const EXIT_INTERRUPTED = 130;

// glibc's allocator, through koffi: mallinfo2() for the bytes malloc holds in use and
// free, and malloc_trim(0) to give free pages back. koffi is the maintained FFI for Node
// with prebuilt binaries (no compiler at install); where it or glibc is missing, the
// figures are unavailable with a reason rather than guessed.

export interface MallocFigures {
  inUseBytes: number;
  freeBytes: number;
  mmapBytes: number;
}

export interface Malloc {
  available: boolean;
  why?: string;
  info: () => MallocFigures | null;
  trim: () => boolean;
}

const NOT_INSTALLED_WHY =
  'glibc malloc figures unavailable: the optional dependency koffi is not installed (npm install koffi)';

// Why koffi cannot be loaded, found without loading it: the agent says so at start and loads
// koffi only when it first reads the figures (agent.cts).
export function mallocMissingWhy(): string | undefined {
  try {
    require.resolve('koffi');
    return undefined;
  } catch {
    return NOT_INSTALLED_WHY;
  }
}

export function loadMalloc(): Malloc {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const koffi = require('koffi') as typeof import('koffi');
    const libc = koffi.load('libc.so.6');
    const Mallinfo2 = koffi.struct('rssdoctor_mallinfo2', {
      arena: 'size_t',
      ordblks: 'size_t',
      smblks: 'size_t',
      hblks: 'size_t',
      hblkhd: 'size_t',
      usmblks: 'size_t',
      fsmblks: 'size_t',
      uordblks: 'size_t',
      fordblks: 'size_t',
      keepcost: 'size_t',
    });
    const mallinfo2 = libc.func('mallinfo2', Mallinfo2, []);
    const mallocTrim = libc.func('malloc_trim', 'int', ['size_t']);
    return {
      available: true,
      info: () => {
        const m = mallinfo2() as Record<string, number>;
        // uordblks: allocated in arenas; hblkhd: allocated by mmap; fordblks: free in arenas.
        return {
          inUseBytes: m.uordblks! + m.hblkhd!,
          freeBytes: m.fordblks!,
          mmapBytes: m.hblkhd!,
        };
      },
      trim: () => mallocTrim(0) === 1,
    };
  } catch (error) {
    // koffi is an optional dependency (a native module: no prebuilt binary for every
    // platform): without it the run goes on, and the report says what is missing.
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    return {
      available: false,
      why: missing
        ? NOT_INSTALLED_WHY
        : `glibc malloc figures unavailable: ${(error as Error).message.split('\n')[0]}`,
      info: () => null,
      trim: () => false,
    };
  }
}

// A range of a process's address space, [start, end): where a runtime's heap lies, so that
// the anonymous mappings inside it can be told from the rest.

export interface AddressRange {
  start: bigint;
  end: bigint;
}

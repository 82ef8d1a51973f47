import os from 'node:os';
import type { HostFacts } from '../recording/records.js';

// Facts about the machine, kept in the recording header so a recording explains itself.
export function hostFacts(): HostFacts {
  return {
    hostname: os.hostname(),
    platform: os.platform(),
    kernelRelease: os.release(),
    arch: os.arch(),
    cpuCount: os.cpus().length,
    totalMemoryBytes: os.totalmem(),
    nodeVersion: process.version,
  };
}

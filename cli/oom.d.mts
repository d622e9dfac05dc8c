/** Types of cli/oom.mjs (plain JavaScript: the bin runs it before tsx is registered). */
export interface OomFilter {
  write(text: string): void;
  end(): void;
  readonly outOfMemory: boolean;
  message(lang: 'id' | 'en'): string;
}
export function oomFilter(pass: (text: string) => void): OomFilter;

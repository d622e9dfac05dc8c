/**
 * Browser stand-in for `node:fs/promises`: xlsx/write.ts imports writeFile for the CLI,
 * the pane only uses its in-memory builder. Calling these in the browser is a bug.
 */
export async function writeFile(): Promise<never> {
  throw new Error('node:fs is not available in the browser');
}
export async function readFile(): Promise<never> {
  throw new Error('node:fs is not available in the browser');
}
export default { writeFile, readFile };

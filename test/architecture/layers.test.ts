import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkFile, checkRepository, repositoryRoot, specifiers } from './layers.js';

const ROOT = repositoryRoot(fileURLToPath(import.meta.url));

describe('the layering of ARCHITECTURE §1', () => {
  it('holds in the repository: core is pure, adapters sit beside each other, nothing points up', () => {
    expect(checkRepository(ROOT)).toEqual([]);
  });

  it('finds static, re-export, side-effect and dynamic imports', () => {
    const src = `import a from './a.js';\nexport { b } from "../b.js";\nimport './c.css';\nconst d = await import('../d.js');\nimport type { E } from './e.js';`;
    expect(specifiers(src)).toEqual(['./a.js', '../b.js', './c.css', '../d.js', './e.js']);
  });

  it('refuses core importing an adapter, a package or a Node built-in', () => {
    expect(checkFile('core/rules/x.ts', `import { readXlsx } from '../../xlsx/read.js';`)[0].reason).toBe('core/ may not import xlsx/');
    expect(checkFile('core/x.ts', `import ExcelJS from 'exceljs';`)[0].reason).toBe('core/ may not import packages');
    expect(checkFile('core/x.ts', `import { readFile } from 'node:fs/promises';`)[0].reason).toBe('core/ may not use Node built-ins');
  });

  it('refuses the server importing the pane, the CLI or the client, and xlsx importing the CLI', () => {
    expect(checkFile('functions/http/x.ts', `import { App } from '../../addin/ui/App.js';`)).toHaveLength(1);
    expect(checkFile('functions/http/x.ts', `import { main } from '../../cli/main.js';`)).toHaveLength(1);
    expect(checkFile('functions/http/x.ts', `import { PokinApi } from '../../client/api.js';`)).toHaveLength(1);
    expect(checkFile('xlsx/x.ts', `import { humanReport } from '../cli/format.js';`)).toHaveLength(1);
    expect(checkFile('addin/ui/x.ts', `import { startApiServer } from '../../functions/local/server.js';`)).toHaveLength(1);
  });

  it('lets the programs import the adapters below them', () => {
    expect(checkFile('cli/commands/x.ts', `import { readXlsx } from '../../xlsx/read.js';\nimport { apiOf } from '../../client/api.js';`)).toEqual([]);
    expect(checkFile('addin/preview/x.ts', `import { extract } from '../../xlsx/extract.js';`)).toEqual([]);
  });
});

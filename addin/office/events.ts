/// <reference types="office-js" />
/**
 * Change events for live validation, registered where they survive what planners and Pokin do
 * to the tables. A handler is bound to the object it was registered on: "When an object to
 * which events are registered is deleted (e.g., a table with an onChanged event registered),
 * the event handler no longer triggers" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
 * Table handlers therefore died on every pull and adopt (the tables are created anew) and
 * followed the renamed "(asal)" copies. Pokin listens on the collections instead:
 * `worksheets.onChanged` (ExcelApi 1.9, on every build that has the 1.12 Pokin needs) for every
 * cell edit in the workbook, `tables.onAdded/onDeleted` (1.9) and `worksheets.onDeleted` (1.7)
 * for structure. They belong to the workbook and outlive any table.
 *
 * Removal goes through the context the handlers were registered in: "The same RequestContext
 * object that the handler was added in must be used when removing the handler"
 * (https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult).
 */
export interface ExcelHost {
  run<T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface CellChange {
  worksheetId?: string;
  address?: string;
  source?: string;
  /** ExcelApi 1.14: `ThisLocalAddin` for Pokin's own writes. */
  triggerSource?: string;
}

export type StructureChange =
  | { kind: 'tableAdded'; tableId: string }
  | { kind: 'tableDeleted'; tableName: string }
  | { kind: 'sheetDeleted'; worksheetId: string };

export interface EventSinks {
  changed(e: CellChange): void;
  /** A table was added or removed, or a sheet removed: maybe the table list must be read again. */
  structure(e: StructureChange): void;
}

export interface Registered {
  handlers: OfficeExtension.EventHandlerResult<unknown>[];
  /** Removes every handler through the context that registered it. */
  remove(): Promise<void>;
}

/** Registers the collection events in one `Excel.run` (one sync); throws what Excel refused. */
export async function registerEvents(excel: ExcelHost, sinks: EventSinks): Promise<Registered> {
  const handlers = await excel.run({ delayForCellEdit: true }, async (context) => {
    const wb = context.workbook;
    const out: OfficeExtension.EventHandlerResult<unknown>[] = [
      wb.worksheets.onChanged.add(async (e) => {
        sinks.changed({ worksheetId: e.worksheetId, address: e.address, source: e.source, triggerSource: (e as { triggerSource?: string }).triggerSource });
      }),
      wb.tables.onAdded.add(async (e) => { sinks.structure({ kind: 'tableAdded', tableId: e.tableId }); }),
      wb.tables.onDeleted.add(async (e) => { sinks.structure({ kind: 'tableDeleted', tableName: e.tableName }); }),
      wb.worksheets.onDeleted.add(async (e) => { sinks.structure({ kind: 'sheetDeleted', worksheetId: e.worksheetId }); }),
    ];
    await context.sync();
    return out;
  });
  let removed = false;
  return {
    handlers,
    async remove() {
      if (removed || !handlers.length) return;
      removed = true;
      await excel.run(handlers[0].context, async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      });
    },
  };
}

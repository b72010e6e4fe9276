// Every catalog of phrases the customer may read or hear (message templates, talking points, objection
// answers…) registers its texts here when its module loads. `catalog-scan.test.ts` imports every module under
// shared/collection/ and scans all registered texts for forbidden content (CALLS.md "Avoid"), so a new
// catalog is covered by adding one `registerCatalog` call next to its data.

export interface CatalogText {
  /** where the text lives, for the failure message (e.g. "d-3" or "objection:sem-dinheiro") */
  key: string;
  text: string;
}

export interface PhraseCatalog {
  /** unique name, e.g. "message-templates" */
  id: string;
  /** the texts as shipped; a function so catalogs built from data stay lazy */
  texts: () => CatalogText[];
}

const catalogs = new Map<string, PhraseCatalog>();

/** Registers (or replaces, on hot reload) a catalog. Returns it so a module can export the same object. */
export function registerCatalog(catalog: PhraseCatalog): PhraseCatalog {
  catalogs.set(catalog.id, catalog);
  return catalog;
}

export const registeredCatalogs = (): PhraseCatalog[] => [...catalogs.values()];

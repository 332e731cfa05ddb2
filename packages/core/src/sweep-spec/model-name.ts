/** The model every sweep uses unless it names a module of its own. */
export const BUILT_IN_MODEL = 'embedding-classifier';

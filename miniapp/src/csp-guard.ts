// Mini-programs have no `javascript:` links to follow. H5 takes csp-guard.h5.ts.
export {};

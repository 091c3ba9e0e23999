// The parts of datapackage-js (frictionlessdata's JavaScript implementation, npm 'datapackage')
// that the tests use; it ships no types.
declare module 'datapackage' {
  interface Resource {
    name: string;
    descriptor: Record<string, unknown>;
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  interface Package {
    valid: boolean;
    errors: Error[];
    descriptor: Record<string, unknown>;
    resources: Resource[];
  }
  const datapackage: {
    Package: { load(descriptor: string, options?: { strict?: boolean }): Promise<Package> };
  };
  export default datapackage;
}

// The built-in templates, made a module by esbuild.mjs (templates/*.md by file name): see withBuiltInTemplates in host.ts.
declare module 'design-snapshot:built-in-templates' {
  const files: Readonly<Record<string, string>>;
  export default files;
}

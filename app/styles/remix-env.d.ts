// The classic compiler turns `import href from "./x.css"` into the stylesheet's URL; these are its types.
/// <reference types="@remix-run/dev" />

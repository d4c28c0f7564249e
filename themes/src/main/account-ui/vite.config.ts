import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { checker } from "vite-plugin-checker";

// The library ships the styles of its bundled components in a CSS file that its package.json does not export.
const accountUiCss = fileURLToPath(
  new URL(
    "node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css",
    import.meta.url,
  ),
);

// Same shape as Keycloak's own account console build: keycloak.v3's index.ftl reads the entry chunk of
// resources/.vite/manifest.json and maps react, react/jsx-runtime and react-dom to Keycloak's vendored copies.
export default defineConfig({
  base: "",
  plugins: [react(), checker({ typescript: true })],
  resolve: {
    alias: { "@keycloak/keycloak-account-ui/style.css": accountUiCss },
  },
  server: {
    origin: "http://localhost:5173",
    port: 5173,
  },
  build: {
    outDir: "../../../target/classes/theme/profilekit/account/resources",
    emptyOutDir: true,
    manifest: true,
    target: "esnext",
    // Deliberately one chunk (see below): don't warn about its size.
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: "src/main.tsx",
      external: ["react", "react/jsx-runtime", "react-dom"],
      // One chunk: the library's lazily loaded pages would otherwise be preloaded from a path that 404s.
      output: { inlineDynamicImports: true },
    },
  },
});

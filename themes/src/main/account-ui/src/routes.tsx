import { routes as accountRoutes } from "@keycloak/keycloak-account-ui";
import type { RouteObject } from "react-router-dom";
import { ApiTokensPage } from "./apitokens/ApiTokensPage";
import { AppPasswordsPage } from "./apppasswords/AppPasswordsPage";
import { ProfilePage } from "./profile/ProfilePage";

export const ProfileRoute: RouteObject = {
  path: "profile",
  element: <ProfilePage />,
};

export const AppPasswordsRoute: RouteObject = {
  path: "account-security/app-passwords",
  element: <AppPasswordsPage />,
};

export const ApiTokensRoute: RouteObject = {
  path: "account-security/api-tokens",
  element: <ApiTokensPage />,
};

/**
 * Every page the console can show: Keycloak's own pages plus ours. A page is shown (and listed in the navigation)
 * when `public/content.json` has an entry whose `path` matches the route's path.
 *
 * To add a page: a route here plus an entry in content.json, e.g. `{ "label": "appPasswords",
 * "path": "account-security/app-passwords" }` among the children of "accountSecurity", and its label key in
 * the theme's messages_*.properties.
 */
export const routes: RouteObject[] = [
  ...accountRoutes,
  ProfileRoute,
  AppPasswordsRoute,
  ApiTokensRoute,
];

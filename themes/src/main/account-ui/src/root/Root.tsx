import {
  type AccountEnvironment,
  type Feature,
  PageNav,
  useAccountAlerts,
  useEnvironment,
  usePromise,
} from "@keycloak/keycloak-account-ui";
import {
  AlertVariant,
  Page,
  PageSidebar,
  Spinner,
} from "@patternfly/react-core";
import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  type RouteObject,
  RouterProvider,
} from "react-router-dom";
import { routes } from "../routes";
import { fetchContent, type MenuItem } from "./content";
import { ErrorPage } from "./ErrorPage";
import { Header } from "./Header";

type Router = ReturnType<typeof createBrowserRouter>;

/** Like keycloak.v3's root: the pages listed in content.json (minus those whose feature is off), in one layout. */
export const Root = () => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const [router, setRouter] = useState<Router>();

  usePromise(
    (signal) => fetchContent(environment.resourceUrl, signal),
    (content) =>
      setRouter(
        createBrowserRouter([
          {
            path: decodeURIComponent(new URL(environment.baseUrl).pathname),
            element: <Layout />,
            errorElement: <ErrorPage />,
            children: [
              ...pageRoutes(content, environment.features),
              { path: "*", element: <CatchAllRedirect /> },
            ],
          },
        ]),
      ),
  );

  return router ? <RouterProvider router={router} /> : <Spinner />;
};

function pageRoutes(content: MenuItem[], features: Feature): RouteObject[] {
  return content.flatMap((item) => {
    if ("children" in item) {
      return pageRoutes(item.children, features);
    }
    if (item.isVisible && !features[item.isVisible]) {
      return [];
    }
    const route = routes.find((route) => route.path === item.path);
    return route ? [{ path: item.path, element: route.element }] : [];
  });
}

// The library's PageNav brings a sidebar of its own PatternFly copy that is always open; ours around it is the one
// that the masthead's nav toggle opens and closes.
const Layout = () => (
  <Page
    header={<Header />}
    sidebar={
      <PageSidebar>
        <PageNav />
      </PageSidebar>
    }
    isManagedSidebar
  >
    <Suspense fallback={<Spinner />}>
      <Outlet />
    </Suspense>
  </Page>
);

const CatchAllRedirect = () => {
  const { t } = useTranslation();
  const { addAlert } = useAccountAlerts();

  useEffect(() => {
    addAlert(t("pageNotFound"), AlertVariant.warning);
  }, [addAlert, t]);

  return <Navigate to=".." replace />;
};

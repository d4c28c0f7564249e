import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import { useCallback, useEffect, useState } from "react";
import { request } from "./client";

export type RequestState<T> =
  | { status: "loading" }
  | { status: "done"; data: T }
  | { status: "failed"; error: Error };

/**
 * GETs `path` (below `/realms/{realm}/`) when the component mounts; aborted when it unmounts. `reload()` fetches
 * again and keeps showing the current data until the new answer is there (no spinner flash, forms keep their state).
 */
export function useRequest<T>(
  path: string,
): [RequestState<T>, () => void] {
  const { environment, keycloak } = useEnvironment<AccountEnvironment>();
  const [state, setState] = useState<RequestState<T>>({ status: "loading" });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    request<T>({ environment, keycloak }, path, { signal }).then(
      (data) => setState({ status: "done", data }),
      (error: Error) => {
        if (!signal.aborted) setState({ status: "failed", error });
      },
    );
    return () => controller.abort();
  }, [environment, keycloak, path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [state, reload];
}

import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import { useEffect, useState } from "react";
import { request } from "./client";

export type RequestState<T> =
  | { status: "loading" }
  | { status: "done"; data: T }
  | { status: "failed"; error: Error };

/** GETs `path` (below `/realms/{realm}/`) when the component mounts; aborted when it unmounts. */
export function useRequest<T>(path: string): RequestState<T> {
  const { environment, keycloak } = useEnvironment<AccountEnvironment>();
  const [state, setState] = useState<RequestState<T>>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState({ status: "loading" });
    request<T>({ environment, keycloak }, path, { signal }).then(
      (data) => setState({ status: "done", data }),
      (error: Error) => {
        if (!signal.aborted) setState({ status: "failed", error });
      },
    );
    return () => controller.abort();
  }, [environment, keycloak, path]);

  return state;
}

/**
 * GENERATED from the server's OpenAPI document by `npm run api-types` (scripts/api-types.ts, openapi-typescript):
 * do not edit. The build and the tests fail when it no longer matches the server's schemas. Use it through
 * web/src/api/types.ts. Left out of Biome's formatting: it is compared with the generator's output as it comes.
 *
 * OpenAPI document sha256: 61a5fe47a866ba321b686a6d9e494a5e4aecc8538a509653340b701b7044f99c
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                            /** @enum {string} */
                            database: "pglite" | "postgres";
                            migrations: number;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: sets an HTTP-only session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["SessionUser"];
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and what they may do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["SessionUser"];
                            /** @enum {string} */
                            via: "session" | "token";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                prefix: string;
                                name: string;
                                username: string;
                                created_at: string;
                                expires_at: string;
                                last_used_at: string | null;
                                revoked_at: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for scripts (the token is shown once). Needs the password again, and a session: a token cannot mint tokens. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description at most VIGIE_TOKEN_MAX_DAYS (90) */
                        days?: number;
                        /** @description the current password, confirmed again */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            token: string;
                            name: string;
                            prefix: string;
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user's API tokens (without their secret) */
        get: {
            parameters: {
                query?: {
                    username?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                prefix: string;
                                name: string;
                                username: string;
                                created_at: string;
                                expires_at: string;
                                last_used_at: string | null;
                                revoked_at: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke any user's API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                username: string;
                                display_name: string;
                                roles: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
                                office_code: string | null;
                                disabled: boolean;
                                last_login_at?: string | null;
                                locked_until?: string | null;
                                created_at?: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        display_name?: string;
                        password: string;
                        roles: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
                        office_code?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            display_name: string;
                            roles: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
                            office_code: string | null;
                            disabled: boolean;
                            last_login_at?: string | null;
                            locked_until?: string | null;
                            created_at?: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, roles, office, or disable the account */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        display_name?: string;
                        roles?: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
                        office_code?: string | null;
                        disabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            display_name: string;
                            roles: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
                            office_code: string | null;
                            disabled: boolean;
                            last_login_at?: string | null;
                            locked_until?: string | null;
                            created_at?: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password (ends their sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail as CSV or XLSX, with the list’s filters (streamed; the export is itself audited) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    /** @description An action, or a family such as auth.* */
                    action?: string;
                    target_type?: string;
                    target_id?: string;
                    from?: string;
                    to?: string;
                    /** @description csv (UTF-8 with BOM) or xlsx */
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first, filtered */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    /** @description An action, or a family such as auth.* */
                    action?: string;
                    target_type?: string;
                    target_id?: string;
                    from?: string;
                    to?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["AuditEntry"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the whole trail: hash chain, seals, and its last checkpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerifyReport"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Background jobs, newest first */
        get: {
            parameters: {
                query?: {
                    state?: "queued" | "running" | "retrying" | "completed" | "failed" | "cancelled";
                    kind?: string;
                    /** @description hide: leave out the runs the scheduler started (online collection every minute, …) */
                    scheduled?: "show" | "hide";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job: state, progress, result or error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job: a running import is rolled back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live progress as server-sent events: `progress` at each change, `end` when the job is over */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kinds of data kept for a limited time, and their periods */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: string;
                                description: string;
                                days: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Purge what is past its period now (or, with dry_run, only count it), as a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        dry_run?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Legal holds: records no purge may remove until released */
        get: {
            parameters: {
                query?: {
                    target_type?: string;
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LegalHold"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Place a legal hold on a record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        target_type: string;
                        target_id: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHold"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal-holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a legal hold (the record becomes purgeable again when past its period) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHold"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search everything the caller may see: declarations, parties, the company register, manifests, online sellers and identifiers, cases…
         * @description Each record family needs its own permission (declarations:read, partners:read, osint:read, cases:read…); families the caller may not see are not searched. Phones match in any format.
         */
        get: {
            parameters: {
                query: {
                    q: string;
                    /** @description hits per family */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchAnswer"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events as server-sent events: new online-monitoring alerts, new selections and decisions — each only to users allowed to see it
         * @description Each event is `event: <type>` (osint.alert, risk.selection, risk.decision), an `id` and `data` as JSON; a comment every 20 s keeps the stream open. A reconnecting browser sends Last-Event-ID and gets the events it missed (the last 500 of this process).
         */
        get: {
            parameters: {
                query?: {
                    /** @description as the Last-Event-ID header */
                    last_event_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent import runs, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImportRun"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file and import it in the background
         * @description multipart/form-data with the fields `target` (declarations, manifests, payments, companies, trademarks, seizures, persons, vehicles, properties, parcels), `profile` (a profile name, default native), `mode` (atomic or skip_invalid), optional `format`, `encoding`, `delimiter`, `decimal_separator` (. or ,), `date_format` (e.g. DD/MM/YYYY), `max_errors`, and one `file`. Answers 202 with the job; follow it at /api/jobs/{id}/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            links: {
                                job: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored file, such as the rejects of an import (only with the permission its owner gave it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the file’s key, as a job’s result gives it */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Declarations, filtered and paged (by cursor: next_cursor; or by offset) */
        get: {
            parameters: {
                query?: {
                    office?: string;
                    importer?: string;
                    declarant?: string;
                    seller?: string;
                    /** @description HS code prefix */
                    hs?: string;
                    origin?: string;
                    /** @description Lodged on or after */
                    from?: string;
                    /** @description Lodged on or before */
                    to?: string;
                    result?: "compliant" | "fraud" | "critical" | "inspected" | "not_inspected";
                    /** @description Reference prefix */
                    reference?: string;
                    limit?: number;
                    offset?: number;
                    /** @description The next_cursor of the previous page: the page starts after its last row (keyset paging) */
                    cursor?: string;
                    sort?: "lodged_on" | "-lodged_on" | "reference" | "-reference" | "total_value" | "-total_value";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            /** @description true when total is an estimate (more than 1,000 rows match) */
                            total_estimated: boolean;
                            limit: number;
                            offset: number;
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                            items: components["schemas"]["DeclarationSummary"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/declarations/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of declarations, items, outcomes and parties */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeclarationStats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/declarations/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One declaration with its parties, items and inspection outcomes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Declaration"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/declarations/{reference}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partner data linked to a declaration: the importer's register record, manifests, payments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reference: string;
                            importer_code: string | null;
                            company: components["schemas"]["Company"] | null;
                            manifests: components["schemas"]["Manifest"][];
                            payments: components["schemas"]["FxPayment"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Company register, searched by name or identifier */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    city?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Company"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{companyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One company of the register */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    companyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Company"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/manifests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Port and airport manifests */
        get: {
            parameters: {
                query?: {
                    consignee?: string;
                    declaration?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Manifest"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Foreign-exchange payments */
        get: {
            parameters: {
                query?: {
                    importer?: string;
                    declaration?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["FxPayment"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trademarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered trademarks */
        get: {
            parameters: {
                query?: {
                    brand?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Trademark"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dashboard figures: totals, last day, per month, results, offices, HS chapters */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Overview"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sources of online monitoring with their health */
        get: {
            parameters: {
                query?: {
                    type?: "feed" | "json_api" | "web" | "file" | "url";
                    enabled?: "true" | "false";
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["OsintSource"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a source
         * @description Types: feed (RSS/Atom/JSON Feed), json_api (JSON with a field mapping), web (pages and sites, crawled politely), file (platform exports: NDJSON, CSV, JSON), url (single URLs). See docs/osint-collection.md for each configuration. A bad configuration answers 400 with every problem located in `details.problems`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "feed" | "json_api" | "web" | "file" | "url";
                        config: {
                            [key: string]: unknown;
                        };
                        interval_minutes?: number | null;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintSource"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A source with its health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintSource"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a source that never collected anything (otherwise disable it: evidence is kept) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a source (name, configuration, interval, enabled) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        config?: {
                            [key: string]: unknown;
                        };
                        interval_minutes?: number | null;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintSource"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/osint/sources/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A source's collection runs, newest first, with their located problems */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["OsintRun"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sources/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Collect from a source now (a background job) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        urls?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            links: {
                                job: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sources/{id}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a platform export to a file source and collect it (a background job)
         * @description multipart/form-data with one `file` (NDJSON, CSV or JSON, as the source says).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            links: {
                                job: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Collect single URLs an investigator found (kept as evidence, analysed, like any source) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        urls: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            links: {
                                job: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collection or re-analysis job (osint jobs only), with its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Collected items, newest first
         * @description `group=true` gives one row per ad: reposts are folded into the first item (`reposts` counts them).
         */
        get: {
            parameters: {
                query?: {
                    source_id?: number;
                    seller_id?: number;
                    label?: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
                    min_score?: number;
                    platform?: string;
                    q?: string;
                    group?: "true" | "false";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["OsintItem"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item with its signals, entities, captures (evidence), reposts and identifiers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintItemDetail"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/evidence/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-hash evidence and name every row whose content or description changed */
        get: {
            parameters: {
                query?: {
                    from_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            checked: number;
                            bytes: number;
                            /** @description rows whose content was purged (their record hash is still checked) */
                            purged: number;
                            problems: {
                                id: number;
                                url: string;
                                /** @enum {string} */
                                kind: "content_altered" | "record_altered";
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an evidence row says: URL, time, HTTP status and headers, SHA-256, who collected it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintEvidence"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/evidence/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The raw content, byte for byte (served as an attachment, never rendered) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sellers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sellers as CSV or XLSX, with the list’s filters (streamed, audited) */
        get: {
            parameters: {
                query?: {
                    min_score?: number;
                    label?: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
                    platform?: string;
                    q?: string;
                    /** @description csv (UTF-8 with BOM) or xlsx */
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sellers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sellers (accounts grouped across platforms by shared identifiers), highest score first */
        get: {
            parameters: {
                query?: {
                    min_score?: number;
                    label?: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
                    platform?: string;
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["OsintSeller"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sellers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seller: profile, accounts, identifiers (a merged seller answers with the one it joined) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintSellerDetail"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/sellers/{id}/identifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seller's phones, e-mails, handles, shop URLs, company names and addresses (for the graph) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintSellerIdentifiers"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/identifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sellers known by an identifier (phone in any format, e-mail, platform:handle, URL, company) */
        get: {
            parameters: {
                query: {
                    kind: "phone" | "email" | "handle" | "shop_url" | "company" | "address";
                    value: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: string;
                            value: string;
                            seller_ids: number[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/watchlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Watch terms: brands, products, keywords, phone numbers */
        get: {
            parameters: {
                query?: {
                    all?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OsintWatchTerm"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Watch a brand, a product, a keyword or phrase, or a phone number (alerts from the next collection) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "brand" | "product" | "keyword" | "phone";
                        value: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintWatchTerm"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/watchlist/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop watching a term (its alerts stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, newest first: posts over their threshold, sellers, watchlist matches */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "confirmed" | "dismissed" | "case_opened";
                    kind?: "post" | "seller" | "watchlist";
                    seller_id?: number;
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["OsintAlert"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OsintAlert"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/alerts/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm, dismiss, or send an alert to a case (audited; confirmations teach the classifier) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "confirm" | "dismiss" | "open_case";
                        /** @enum {string} */
                        label?: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: components["schemas"]["OsintAlert"];
                            model_version: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The classifier in use: version, what it learnt from, confirmations waiting */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            base_version: number | null;
                            trained_on: number;
                            confirmations: number;
                            created_by: string;
                            created_at: string | null;
                            pending_confirmations: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/analyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Analyse posts without storing them (label, score, reasons, signals, entities) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        posts: {
                            id: string | number;
                            text: string;
                            url?: string | null;
                            platform?: string | null;
                            author?: string | null;
                            price?: (number | string) | null;
                            currency?: string | null;
                            posted_at?: string | null;
                        }[];
                        explain?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            model_version: number;
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/osint/reanalyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Analyse collected items again with the current model (a background job)
         * @description Body `{"source_id": N}` for one source, `{"all": true}` for every item.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source_id: number;
                    } | {
                        /** @enum {boolean} */
                        all: true;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            links: {
                                job: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model's newest card, with who promoted it and when */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelCard"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Generate the card again from the registry entry and the declarations after training (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelCard"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/card/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The card as Markdown or PDF (audited) */
        get: {
            parameters: {
                query?: {
                    format?: "md" | "pdf";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/markdown": components["schemas"]["Error"];
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/markdown": components["schemas"]["Error"];
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Promotion requests of models (four-eyes), newest first (500 at most) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected" | "stale";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ModelPromotionRequest"][];
                            four_eyes: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/promotion-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a model's promotion; its card (with the later-period evaluation) is required (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "pending";
                            model_id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/approvals/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a promotion request: the model becomes active in the same transaction (not by the requester or its trainer; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "approved" | "rejected";
                            model: {
                                id: number;
                                name: string;
                                status: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/approvals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a promotion request (not by the requester; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "approved" | "rejected";
                            model: {
                                id: number;
                                name: string;
                                status: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exploration replays, newest first (their jobs: state and progress) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Replay exploitation against exploration week by week over a period (a background job): precision, recoveries and frauds found only by exploration, per strategy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplayRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One exploration replay: its job (state, progress) and, once done, its results */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            replay: components["schemas"]["ModelReplay"] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model versions, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ModelVersion"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model version with its feature importance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            target: "fraud" | "critical";
                            /** @enum {string} */
                            status: "candidate" | "active" | "retired";
                            trained_from: string;
                            trained_to: string;
                            n_lines: number;
                            trees: number;
                            metrics: {
                                [key: string]: unknown;
                            };
                            notes: string | null;
                            created_by: number | null;
                            created_at: string;
                            promoted_at: string | null;
                            retired_at: string | null;
                            importance: {
                                feature: string;
                                gain: number;
                                splits: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Train a model on the labelled declarations of a window (a background job); it is registered as a candidate */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default fraud
                         * @enum {string}
                         */
                        target?: "fraud" | "critical";
                        from?: string;
                        to?: string;
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make this model the active one (the previous one is retired); audited. With four-eyes on (configuration fourEyes), 409 model.four_eyes_required: POST /api/models/{id}/promotion-requests instead */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelVersion"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire this model; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelVersion"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Precision, recall and revenue of the model at several shares on the labelled declarations of a window */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description first day measured: never inside the training window */
                            from: string;
                            /** @description last day measured (none: up to the latest declaration) */
                            to: string | null;
                            /** @description the window asked for started inside the training window and was moved after it */
                            clipped: boolean;
                            /** @description at least 20 declarations in the window (labelled ones for the evaluation): false means no figures yet, only the counts, e.g. for a model trained up to the latest data */
                            enough: boolean;
                            n: number;
                            frauds: number;
                            auc: number | null;
                            curve: {
                                share: number;
                                precision: number;
                                recall: number;
                                revenue: number;
                                precision_by_duties: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Population stability of scores and features: the training window against a recent one */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            score_psi: number;
                            features: {
                                feature: string;
                                psi: number;
                            }[];
                            baseline_lines: number;
                            current_lines: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models/{id}/bias": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Selection rate and precision of the model's top share by office, origin and importer size */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    share?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description first day measured: never inside the training window */
                            from: string;
                            /** @description last day measured (none: up to the latest declaration) */
                            to: string | null;
                            /** @description the window asked for started inside the training window and was moved after it */
                            clipped: boolean;
                            /** @description at least 20 declarations in the window (labelled ones for the evaluation): false means no figures yet, only the counts, e.g. for a model trained up to the latest data */
                            enough: boolean;
                            share: number;
                            lines: number;
                            labelled: number;
                            by_office: {
                                group: string;
                                n: number;
                                selected: number;
                                selectionRate: number;
                                precision: number | null;
                                fraudRate: number;
                            }[];
                            by_origin: {
                                group: string;
                                n: number;
                                selected: number;
                                selectionRate: number;
                                precision: number | null;
                                fraudRate: number;
                            }[];
                            by_importer_size: {
                                group: string;
                                n: number;
                                selected: number;
                                selectionRate: number;
                                precision: number | null;
                                fraudRate: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/references": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reference unit values (per HS6 × origin, HS6, HS4; per kg or per item) */
        get: {
            parameters: {
                query?: {
                    /** @description HS prefix */
                    hs?: string;
                    origin?: string;
                    level?: "hs6_origin" | "hs6" | "hs4";
                    unit?: "kg" | "item";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["ReferenceValue"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last build of the references and the settings in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            last_build: {
                                id: number;
                                scope: string;
                                hs4: string[] | null;
                                window_from: string | null;
                                window_to: string | null;
                                min_sample: number;
                                groups: number;
                                rows_used: number;
                                rows_excluded_fraud: number;
                                rows_excluded_outliers: number;
                                started_at: string;
                                finished_at: string | null;
                                built_by: string | null;
                            } | null;
                            settings: {
                                /** @default 365 */
                                window_days: number;
                                /** @default 10 */
                                min_sample: number;
                                /** @default 3.5 */
                                outlier_k: number;
                                /** @default 0.5 */
                                flag_ratio: number;
                                /** @default -3 */
                                flag_z: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the window, minimum sample, outlier and flag thresholds (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 365 */
                        window_days?: number;
                        /** @default 10 */
                        min_sample?: number;
                        /** @default 3.5 */
                        outlier_k?: number;
                        /** @default 0.5 */
                        flag_ratio?: number;
                        /** @default -3 */
                        flag_z?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default 365 */
                            window_days: number;
                            /** @default 10 */
                            min_sample: number;
                            /** @default 3.5 */
                            outlier_k: number;
                            /** @default 0.5 */
                            flag_ratio: number;
                            /** @default -3 */
                            flag_z: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild reference values in the background (full, incremental, or some HS4 headings) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default incremental
                         * @enum {string}
                         */
                        scope?: "full" | "incremental" | "hs";
                        hs?: string[];
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check declarations (not stored) against the references; nothing is written */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        declarations: components["schemas"]["InlineDeclarationInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                reference: string;
                                line_no: number;
                                hs_code: string;
                                origin_country: string | null;
                                customs_value: number;
                                currency: string | null;
                                finding: components["schemas"]["ValuationFinding"] | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/findings/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Valuation findings as CSV or XLSX (officers: their office only), streamed and audited */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "confirmed" | "dismissed";
                    reference?: string;
                    office?: string;
                    /** @description csv (UTF-8 with BOM) or xlsx */
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored valuation findings (officers: their office only), largest duties at stake first */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "confirmed" | "dismissed";
                    reference?: string;
                    office?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["StoredValuationFinding"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/valuation/findings/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The officer's decision on a finding (confirmed or dismissed) with a justification (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "confirmed" | "dismissed";
                        justification: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            status: string;
                            reference: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicators rules may test (built in and added by other modules) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                type: string;
                                description: {
                                    en: string;
                                    fr: string;
                                    ar: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rule profile versions, by name and newest version first */
        get: {
            parameters: {
                query?: {
                    name?: string;
                    status?: "draft" | "active" | "retired";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["RiskProfileSummary"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Save a new version of a rule profile, as a draft (validated; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description the document as YAML or JSON text */
                        text?: string;
                        /** @description the document as a JSON object */
                        document?: unknown;
                        reason: string;
                        valid_from?: string | null;
                        valid_to?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            version: number;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/profiles/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a rule document without saving it: every problem with its path (and line, for text) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the document as YAML or JSON text */
                        text?: string;
                        /** @description the document as a JSON object */
                        document?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            problems: {
                                path: string;
                                line?: number;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One profile version with its rules (intelligence for analysts only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskProfile"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/profiles/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a draft (retires the active version of the same name; audited)
         * @description Only with four-eyes off (configuration fourEyes): otherwise 409 risk.four_eyes_required, and the activation goes through POST /api/risk/approvals.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            version: number;
                            status: string;
                            retired: number[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/profiles/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a profile version (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            version: number;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/backtests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Back-tests that ran, newest first, with their headline figures beside the active profiles’ */
        get: {
            parameters: {
                query?: {
                    profile_id?: number;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RiskBacktestRow"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Back-test a profile version on history, compared with the active profiles (background job)
         * @description The result (hits, inspected hits, precision, duties recovered, load per office per day) is the job result at /api/jobs/{id}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        profile_id: number;
                        from: string;
                        to: string;
                        offices?: string[];
                        /** @default true */
                        compare?: boolean;
                        /**
                         * @default rolling
                         * @enum {string}
                         */
                        references?: "rolling" | "current";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/profiles/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed between two versions: rules added, removed and changed field by field, scoring
         * @description Computed on the parsed documents. `from` defaults to the version active now (else the version before).
         */
        get: {
            parameters: {
                query?: {
                    from?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskProfileDiff"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activation requests of rule profiles (four-eyes), newest first */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected" | "stale";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["RiskActivationRequest"][];
                            /** @description activation needs a second person (configuration fourEyes) */
                            four_eyes: boolean;
                            backtest_max_age_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask for the activation of a draft, resting on a recent back-test of that version (audited)
         * @description Without backtest_job, the newest back-test of the version is used; it must have finished within fourEyesBacktestDays.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        profile_id: number;
                        reason: string;
                        /** Format: uuid */
                        backtest_job?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "pending";
                            profile_id: number;
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/approvals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One activation request with its diff against the version it replaces and its back-test figures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskActivationRequestDetail"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/approvals/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request: the version is activated in the same transaction (not by the requester or the author; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "approved" | "rejected";
                            activated: {
                                id: number;
                                name: string;
                                version: number;
                                status: string;
                                retired: number[];
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/approvals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a request with a reason (not by the requester; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "approved" | "rejected";
                            activated: {
                                id: number;
                                name: string;
                                version: number;
                                status: string;
                                retired: number[];
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/backtests/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Back-tests as CSV or XLSX (streamed, audited) */
        get: {
            parameters: {
                query?: {
                    profile_id?: number;
                    /** @description csv (UTF-8 with BOM) or xlsx */
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/watchlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Watchlists (named target lists) */
        get: {
            parameters: {
                query?: {
                    type?: "trader" | "declarant" | "seller" | "hs_code" | "country" | "transport_document";
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Watchlist"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a watchlist (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "trader" | "declarant" | "seller" | "hs_code" | "country" | "transport_document";
                        description?: string | null;
                        owner?: string;
                        expires_on?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Watchlist"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/watchlists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A watchlist with a page of its entries */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            type: "trader" | "declarant" | "seller" | "hs_code" | "country" | "transport_document";
                            description: string | null;
                            owner: string;
                            expires_on: string | null;
                            created_by: string | null;
                            created_at: string;
                            entries: number;
                            page: {
                                total: number;
                                limit: number;
                                offset: number;
                                items: {
                                    value: string;
                                    note: string | null;
                                    expires_on: string | null;
                                    added_by: string | null;
                                    added_at: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/watchlists/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add entries: a list of values, or every value a declaration search finds, in one action (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        values?: string[];
                        search?: {
                            office?: string;
                            importer?: string;
                            declarant?: string;
                            seller?: string;
                            hs?: string;
                            origin?: string;
                            from?: string;
                            to?: string;
                            /** @enum {string} */
                            result?: "fraud" | "critical" | "inspected";
                        };
                        note?: string | null;
                        expires_on?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            submitted?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/watchlists/{id}/entries/{value}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an entry (audited) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    value: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/offices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-office selection parameters ('*' applies to offices without their own) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                office_code: string;
                                capacity_items: number | null;
                                capacity_hours: number | null;
                                rate_red: number;
                                rate_yellow: number;
                                rate_blue: number;
                                random_rate: number;
                                minutes_red: number;
                                minutes_yellow: number;
                                updated_by: string | null;
                                updated_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/offices/{office}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an office’s capacity, target rates per channel and minimum random rate (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    office: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity_items?: number | null;
                        capacity_hours?: number | null;
                        rate_red?: number;
                        rate_yellow?: number;
                        rate_blue?: number;
                        random_rate?: number;
                        minutes_red?: number;
                        minutes_yellow?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            office_code: string;
                            capacity_items: number | null;
                            capacity_hours: number | null;
                            rate_red: number;
                            rate_yellow: number;
                            rate_blue: number;
                            random_rate: number;
                            minutes_red: number;
                            minutes_yellow: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Thresholds of the partner cross-checks and the exchange-rate table */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: {
                                /** @default 1.5 */
                                fx_ratio: number;
                                /** @default 2 */
                                mass_ratio: number;
                                /** @default 90 */
                                recent_days: number;
                            };
                            fx_rates: {
                                currency: string;
                                units_per_usd: number;
                                updated_by: string | null;
                                updated_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Change the cross-check thresholds (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1.5 */
                        fx_ratio?: number;
                        /** @default 2 */
                        mass_ratio?: number;
                        /** @default 90 */
                        recent_days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default 1.5 */
                            fx_ratio: number;
                            /** @default 2 */
                            mass_ratio: number;
                            /** @default 90 */
                            recent_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/fx-rates/{currency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a rate: units of the currency for one US dollar (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    currency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        units_per_usd: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            units_per_usd: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score one declaration (stored: by reference; or given inline) with the active profiles
         * @description Nothing is stored. The channel is indicative (forced by a rule, else the score thresholds).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reference: string;
                    } | {
                        declaration: components["schemas"]["InlineDeclarationInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskScore"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/selections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Selection runs (officers: their office) */
        get: {
            parameters: {
                query?: {
                    office?: string;
                    day?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: {
                                id: number;
                                office: string;
                                day: string;
                                profile_versions: unknown;
                                seed: string;
                                capacity_items: number | null;
                                capacity_minutes: number | null;
                                random_share: number;
                                candidates: number;
                                items: number;
                                selected_items: number;
                                random_items: number;
                                counts: {
                                    [key: string]: number;
                                };
                                created_by: string | null;
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Run the selection of an office for a day: scores, selects within capacity, stores and audits decisions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        office: string;
                        day: string;
                        seed?: string;
                        random_share?: number;
                        capacity_items?: number | null;
                        capacity_hours?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SelectionRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current decisions (officers: their office), red first then by expected value: the selection queue, with filters, sorts, importer, items controlled and the main reason */
        get: {
            parameters: {
                query?: {
                    office?: string;
                    day?: string;
                    from?: string;
                    to?: string;
                    channel?: "green" | "yellow" | "red" | "blue";
                    /** @description true: only the declarations sent to control (red and yellow channels) */
                    selected?: "true" | "false";
                    reference?: string;
                    run_id?: number;
                    /** @description declarations queued in the campaign or matching it */
                    campaign_id?: number;
                    min_score?: number;
                    /** @description controlled: an outcome is recorded for at least one item; pending: none yet */
                    status?: "pending" | "controlled";
                    /** @description default: red first, then by expected value */
                    sort?: "score" | "expected_value" | "day" | "office" | "channel" | "reference";
                    order?: "asc" | "desc";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: {
                                id: number;
                                reference: string;
                                office: string;
                                lodged_on: string;
                                run_id: number | null;
                                /** @enum {string} */
                                channel: "green" | "yellow" | "red" | "blue";
                                /** @enum {string} */
                                initial_channel: "green" | "yellow" | "red" | "blue";
                                /** @enum {string} */
                                basis: "forced" | "ranked" | "random" | "deferred" | "none";
                                score: number;
                                probability: number;
                                expected_value: number;
                                rank: number | null;
                                decided_at: string;
                                importer_code: string | null;
                                importer_name: string | null;
                                items: number;
                                /** @description items with an outcome recorded */
                                controlled_items: number;
                                /** @enum {string} */
                                status: "pending" | "controlled";
                                /** @description duties at stake of the flagged valuation findings, if any */
                                duties_at_stake: number | null;
                                /** @description drawn at random (exploration) rather than selected for its risk: basis random */
                                random: boolean;
                                /** @description the main reason: the largest term of the score, or "random selection (exploration)" for a random pick */
                                top_reason: {
                                    /** @description rule, valuation, model, or random for a random pick */
                                    source: string;
                                    id: string;
                                    points: number;
                                    /** @description Arabic reads French where the rule has no Arabic title */
                                    title: {
                                        en: string;
                                        fr: string;
                                        ar: string;
                                    } | null;
                                } | null;
                            }[];
                            summary: {
                                /** @description red and yellow decisions among the filtered ones */
                                selected: number;
                                /** @description of the selected: with an outcome on at least one item */
                                controlled: number;
                                /** @description of the selected: no outcome yet */
                                pending: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/decisions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The selection queue as CSV or XLSX, with the list’s filters and office scope (streamed, audited) */
        get: {
            parameters: {
                query?: {
                    office?: string;
                    day?: string;
                    /** @description csv (UTF-8 with BOM) or xlsx */
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A decision: channel, reason, explanation (English, French and Arabic), items, rule hits, outcomes, overrides */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskDecision"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/decisions/{id}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a decision’s channel, with a mandatory reason (audited, reported in the integrity view) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "green" | "yellow" | "red" | "blue";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            /** @enum {string} */
                            from_channel: "green" | "yellow" | "red" | "blue";
                            /** @enum {string} */
                            to_channel: "green" | "yellow" | "red" | "blue";
                            reason: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the outcome of an item’s control (into inspection_outcomes, source officer; audited); one per item unless corrected with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        item_id: number;
                        /** @enum {string} */
                        result: "compliant" | "fraud" | "critical";
                        /** @enum {string|null} */
                        fraud_type?: "valuation" | "origin" | "classification" | "ipr" | "prohibited" | "other" | null;
                        recovered_amount?: number | null;
                        inspected_on?: string | null;
                        note?: string | null;
                        /** @description correct the outcome in force on an item already controlled, with why (5 characters at least); the first outcome is kept */
                        correction?: {
                            reason: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            item_id: number;
                            reference: string;
                            /** @enum {string} */
                            result: "compliant" | "fraud" | "critical";
                            /** @description the outcome this one corrects, if a correction */
                            corrects: number | null;
                            recorded_at: string;
                            warning?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description outcome.already_recorded: the item has an outcome (details.existing), send a correction; outcome.nothing_to_correct */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/decisions/{id}/order.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The printable inspection order of a decision (PDF, A4): office, declaration, parties, items, channel and reasons, the inspection to carry out, a verification code, signature boxes
         * @description In French, English or Arabic (`lang`, else the Accept-Language header, else French). Officers print their office’s decisions only. Every printing is audited (`risk.order_printed`).
         */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en" | "ar";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/pre-arrival": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pre-arrival referrals of the selection queue (e-commerce parcels scored before arrival), for their office of arrival, highest score first */
        get: {
            parameters: {
                query?: {
                    source?: string;
                    office?: string;
                    from?: string;
                    to?: string;
                    channel?: "red" | "yellow";
                    limit?: number;
                    after_score?: number;
                    after_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            items: components["schemas"]["PreArrivalReferral"][];
                            next: {
                                after_score: number;
                                after_id: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/stats/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per rule: hits, inspected hits, precision, recoveries, share of overridden decisions */
        get: {
            parameters: {
                query?: {
                    profile?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                profile: string;
                                rule_id: string;
                                hits: number;
                                declarations: number;
                                inspected: number;
                                frauds: number;
                                critical: number;
                                recovered: number | null;
                                overridden: number;
                                precision: number | null;
                                override_share: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/stats/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per channel and basis: decisions, items, inspected, frauds, precision, recoveries, overrides */
        get: {
            parameters: {
                query?: {
                    office?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                channel: "green" | "yellow" | "red" | "blue";
                                basis: string;
                                decisions: number;
                                items: number;
                                inspected: number;
                                frauds: number;
                                recovered: number;
                                overridden: number;
                                precision: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/stats/random": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per office: the selection's random share and the fraud rate found by random picks beside ranked ones */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                office: string;
                                selected_items: number;
                                random_items: number;
                                random_share: number | null;
                                random_inspected: number;
                                random_frauds: number;
                                random_hit_rate: number | null;
                                ranked_inspected: number;
                                ranked_frauds: number;
                                ranked_hit_rate: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overrides, releases of high-risk items and outcomes per officer and office over time */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    office?: string;
                    officer?: string;
                    period?: "day" | "week" | "month";
                    high_risk?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            high_risk: number;
                            rows: {
                                officer: string;
                                office: string;
                                period: string;
                                overrides: number;
                                downgrades: number;
                                high_risk_releases: number;
                                outcomes: number;
                                frauds: number;
                                fraud_rate: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a photo or document to a declaration or an outcome (multipart; type and size checked)
         * @description multipart/form-data with `reference`, `kind` (photo or document), optional `outcome_id` and `note`, and one `file`. Limits: {"photo":{"max_bytes":20971520,"types":["image/jpeg","image/png","image/webp"]},"document":{"max_bytes":52428800,"types":["application/pdf","image/jpeg","image/png"]}}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/declarations/{reference}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Photos and documents attached to a declaration and its outcomes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Attachment"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes of an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Surveillance campaigns with their queue sizes */
        get: {
            parameters: {
                query?: {
                    status?: "active" | "closed";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: {
                                id: number;
                                name: string;
                                description: string | null;
                                hs_prefixes: string[];
                                keywords: string[];
                                origins: string[];
                                date_from: string | null;
                                date_to: string | null;
                                /** @enum {string} */
                                status: "active" | "closed";
                                owner: string;
                                created_by: string | null;
                                created_at: string;
                                queued: number;
                                findings: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a campaign: HS prefixes, keywords in descriptions, origins, dates (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string | null;
                        hs_prefixes?: string[];
                        keywords?: string[];
                        origins?: string[];
                        date_from?: string | null;
                        date_to?: string | null;
                        owner?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign: matching declarations (count and page) and its queue by status */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaign: components["schemas"]["Campaign"];
                            matching_declarations: number;
                            matching_items: number;
                            queue: {
                                [key: string]: number;
                            };
                            page: {
                                total: number;
                                limit: number;
                                offset: number;
                                items: {
                                    declaration_id: number;
                                    reference: string;
                                    office: string;
                                    lodged_on: string;
                                    items: number;
                                    status: string | null;
                                    note: string | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/campaigns/{id}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue every matching declaration for deferred control (to do; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queued: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a campaign (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "closed";
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/campaigns/{id}/items/{declaration_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the status of a queued declaration: todo, done or finding (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    declaration_id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "todo" | "done" | "finding";
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaign_id: number;
                            declaration_id: number;
                            reference: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seizures by month, office, HS chapter, category and brand; duties recovered; cases by status and age */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    office?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseFigures"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/figures/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One table of the figures as CSV (audited) */
        get: {
            parameters: {
                query: {
                    from?: string;
                    to?: string;
                    office?: string;
                    table: "month" | "office" | "hs_chapter" | "category" | "brand" | "detection_source" | "case_status" | "case_origin" | "case_age";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/figures/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figures as a PDF, in French or Arabic (audited) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    office?: string;
                    lang?: "fr" | "ar";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Case files, newest first, with filters */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    status?: "open" | "investigation" | "offence_report" | "settled" | "prosecuted" | "closed";
                    office?: string;
                    type?: "customs_offence" | "counterfeiting" | "health_products" | "smuggling" | "undervaluation" | "origin_fraud" | "prohibited_goods" | "money_laundering" | "other";
                    assignee?: string;
                    open?: "true" | "false";
                    q?: string;
                    operation_id?: number;
                    /** @description only cases with a task to do past its due date */
                    overdue?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Case"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a case (numbered per office and year); what it is opened from becomes its first link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @enum {string} */
                        type: "customs_offence" | "counterfeiting" | "health_products" | "smuggling" | "undervaluation" | "origin_fraud" | "prohibited_goods" | "money_laundering" | "other";
                        office: string;
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        assignee?: string | null;
                        /** @enum {string} */
                        origin_type?: "declaration" | "alert" | "osint_item" | "osint_seller" | "graph_entity" | "valuation_finding" | "intelligence" | "manual";
                        origin_ref?: string;
                        summary?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its links, tasks, notes, evidence, seizures, offence reports, test purchases and takedowns */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: components["schemas"]["Case"];
                            links: components["schemas"]["CaseLink"][];
                            tasks: components["schemas"]["CaseTask"][];
                            notes: components["schemas"]["CaseNote"][];
                            evidence: components["schemas"]["CaseEvidence"][];
                            seizures: components["schemas"]["Seizure"][];
                            reports: components["schemas"]["OffenceReport"][];
                            test_purchases: components["schemas"]["TestPurchase"][];
                            takedowns: components["schemas"]["Takedown"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a case to another status (open → investigation → offence_report → settled/prosecuted; closed from any open status); a final status needs a reason and releases the legal holds */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "investigation" | "offence_report" | "settled" | "prosecuted" | "closed";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to the case, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CaseEvent"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/tax-loss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Duties and taxes evaded over the case's seizures, with the method */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaxLoss"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to a case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseNote"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a task (with an assignee and a due date) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        assignee?: string;
                        due_on?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseTask"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/tasks/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mark a task done, or to do again */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    sub: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "todo" | "done";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseTask"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a declaration, an online post or seller, a company, a trademark or a graph entity; posts, sellers and declarations are held while the case is open */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        target_type: "declaration" | "osint_item" | "osint_seller" | "company" | "trademark" | "graph_entity" | "person" | "vehicle" | "premises";
                        target_ref: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseLink"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/links/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a link (its legal hold is released) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    sub: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach an evidence file (multipart: file, description): stored, hashed, on the timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseEvidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes of an evidence file (with its SHA-256 in x-content-sha256) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    sub: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate the offence report (PDF, French or Arabic): numbered once per office and year, versioned */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        lang: "fr" | "ar";
                        legal_basis?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OffenceReport"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reports/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An offence report as PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    sub: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/test-purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's test (undercover) purchases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TestPurchase"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a test purchase: platform, seller and post, account, order date, amount paid, tracking, evidence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        platform: string;
                        ordered_on: string;
                        seller_ref?: string | null;
                        post_url?: string | null;
                        account_used?: string | null;
                        amount_paid?: number | null;
                        currency?: string;
                        payment_method?: string | null;
                        tracking_number?: string | null;
                        received_on?: string | null;
                        /** @enum {string} */
                        result?: "pending" | "counterfeit" | "genuine" | "not_delivered" | "other";
                        result_note?: string | null;
                        evidence_ids?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestPurchase"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/test-purchases/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Follow a test purchase: tracking, delivery, what arrived (result), evidence */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    sub: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        seller_ref?: string | null;
                        post_url?: string | null;
                        account_used?: string | null;
                        amount_paid?: number | null;
                        currency?: string;
                        payment_method?: string | null;
                        tracking_number?: string | null;
                        received_on?: string | null;
                        /** @enum {string} */
                        result?: "pending" | "counterfeit" | "genuine" | "not_delivered" | "other";
                        result_note?: string | null;
                        evidence_ids?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestPurchase"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{id}/takedowns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's takedown requests to platforms and hosts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Takedown"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a takedown request: platform, URLs, legal basis, rights holder, date sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        platform: string;
                        seller_ref?: string | null;
                        urls: string[];
                        legal_basis: string;
                        sent_on: string;
                        rights_holder?: string | null;
                        /** @enum {string} */
                        status?: "pending" | "accepted" | "refused" | "partial";
                        answer?: string | null;
                        answered_on?: string | null;
                        taken_down_on?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Takedown"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/takedowns/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record the platform's answer: status pending/accepted/refused/partial, date taken down */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    sub: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rights_holder?: string | null;
                        /** @enum {string} */
                        status?: "pending" | "accepted" | "refused" | "partial";
                        answer?: string | null;
                        answered_on?: string | null;
                        taken_down_on?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Takedown"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/seizures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seizures, newest first, with filters */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    case_id?: number;
                    office?: string;
                    category?: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
                    brand?: string;
                    operation_id?: number;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["Seizure"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a seizure (on an open case, or alone) with its goods as lines or as one line; numbered S-office/year/seq without a reference */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reference?: string;
                        case_id?: number | null;
                        seized_on: string;
                        office: string;
                        place?: string | null;
                        city?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        description?: string;
                        hs_code?: string | null;
                        /** @enum {string} */
                        category?: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
                        quantity?: number | null;
                        unit?: string | null;
                        net_mass_kg?: number | null;
                        estimated_value?: number | null;
                        value_method?: string | null;
                        currency?: string;
                        brand?: string | null;
                        rights_holder?: string | null;
                        health_risk?: boolean;
                        transport_mode?: string | null;
                        concealment?: string | null;
                        /** @enum {string|null} */
                        detection_source?: "selectivity_rule" | "model" | "random" | "online_monitoring" | "intelligence" | "mutual_assistance" | "operation" | "other" | null;
                        officers?: string[];
                        duty_rate?: number | null;
                        duties_at_stake?: number | null;
                        duties_recovered?: number | null;
                        fines?: number | null;
                        settlement_amount?: number | null;
                        /** @enum {string} */
                        goods_status?: "held" | "destroyed" | "released" | "returned" | "forfeited";
                        goods_status_on?: string | null;
                        lines?: {
                            description: string;
                            hs_code?: string | null;
                            /** @enum {string} */
                            category: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
                            quantity?: number | null;
                            unit?: string | null;
                            net_mass_kg?: number | null;
                            estimated_value?: number | null;
                            brand?: string | null;
                            rights_holder?: string | null;
                            health_risk?: boolean;
                        }[];
                        operation_id?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Seizure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/seizures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seizure */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Seizure"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record duties, fines and settlements recovered, the value, the destruction or release of the goods; replace the goods lines; tag to an operation */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines?: {
                            description: string;
                            hs_code?: string | null;
                            /** @enum {string} */
                            category: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
                            quantity?: number | null;
                            unit?: string | null;
                            net_mass_kg?: number | null;
                            estimated_value?: number | null;
                            brand?: string | null;
                            rights_holder?: string | null;
                            health_risk?: boolean;
                        }[];
                        operation_id?: number | null;
                        duties_at_stake?: number | null;
                        duties_recovered?: number | null;
                        fines?: number | null;
                        settlement_amount?: number | null;
                        /** @enum {string} */
                        goods_status?: "held" | "destroyed" | "released" | "returned" | "forfeited";
                        goods_status_on?: string | null;
                        estimated_value?: number | null;
                        value_method?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Seizure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/seizures/{id}/tax-loss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Duties and taxes evaded had the goods passed, with the method */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaxLoss"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operations, latest first (active_on: those running that day) */
        get: {
            parameters: {
                query?: {
                    active_on?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Operation"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an operation: code, name, period, participants, threat categories, coordinator */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        starts_on: string;
                        ends_on: string;
                        participants?: string[];
                        threat_categories?: ("counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other")[];
                        coordinator?: string | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Operation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An operation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Operation"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an operation's name, period, participants, threat categories or coordinator */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        starts_on?: string;
                        ends_on?: string;
                        participants?: string[];
                        threat_categories?: ("counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other")[];
                        coordinator?: string | null;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Operation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{id}/operation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Tag a case to an operation (null: untag); its seizures not tagged elsewhere follow unless with_seizures is false */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operation_id: number | null;
                        with_seizures?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_id: number;
                            operation_id: number | null;
                            seizures: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/seizures/{id}/operation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Tag a seizure to an operation (null: untag) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operation_id: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seizure_id: number;
                            operation_id: number | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An operation's final report: cases, seizures, lines, quantities, values and duties by category, participant and detection source */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationReport"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operations/{id}/report/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An operation's final report as PDF (lang fr or ar) or one table as CSV (audited) */
        get: {
            parameters: {
                query: {
                    format: "csv" | "pdf";
                    table?: "totals" | "category" | "quantities" | "participant" | "detection_source" | "case_type" | "case_status";
                    lang?: "fr" | "ar";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/build": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The state of the graph: counts, and the watermark of each source */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entities: number;
                            merged: number;
                            hubs: number;
                            links: number;
                            open_suggestions: number;
                            sources: {
                                source: string;
                                cursor: unknown;
                                rows_read: number;
                                updated_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Build the graph from what landed since the last build (a background job; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sources?: ("declarations" | "companies" | "manifests" | "payments" | "osint_sellers")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: components["schemas"]["Job"];
                            links: {
                                job: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entities of the link graph, by type and text (label or key) */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    type?: "person" | "company" | "declarant" | "seller" | "courier" | "phone" | "email" | "address" | "city" | "vehicle" | "property" | "bank" | "bank_account" | "account" | "website" | "online_seller" | "declaration" | "manifest" | "container" | "payment" | "case" | "seizure";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["GraphEntity"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an entity by hand, with a note (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "person" | "company" | "declarant" | "seller" | "courier" | "phone" | "email" | "address" | "city" | "vehicle" | "property" | "bank" | "bank_account" | "account" | "website" | "online_seller" | "declaration" | "manifest" | "container" | "payment" | "case" | "seizure";
                        value: string;
                        label?: string;
                        note: string;
                        attributes?: {
                            [key: string]: string | number | boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphEntity"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/entities/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entity (by id or type:value) with its links, their provenance, and what was merged into it */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphEntityDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a link by hand between two entities, with a note (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        /** @enum {string} */
                        type: "importer_of" | "declarant_of" | "seller_of" | "courier_of" | "has_phone" | "has_email" | "located_at" | "in_city" | "manager_of" | "consignee_of" | "manifest_of" | "carries" | "paid" | "beneficiary_of" | "paid_through" | "payment_for" | "has_account" | "has_website" | "same_name" | "owns" | "uses" | "shareholder_of" | "employee_of" | "seen_at" | "related";
                        note: string;
                        first_seen?: string;
                        last_seen?: string;
                        confidence?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            from: number;
                            to: number;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/entities/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this entity into another of the same type (audited; reversible with split) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        into: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            merged: number;
                            into: number;
                            moved: number[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/entities/{id}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo the merge of this entity: it stands for itself again (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            split: number[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/neighbours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entities within `depth` links of one, filtered by entity and link type and time window */
        get: {
            parameters: {
                query: {
                    key: string;
                    depth?: number;
                    max_nodes?: number;
                    types?: string;
                    link_types?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphNeighbourhood"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/path": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shortest path between two entities, with the evidence of each link (found: false when none) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    max_depth?: number;
                    max_nodes?: number;
                    types?: string;
                    link_types?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphPath"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communities of the graph (Louvain), largest first, and its connected components */
        get: {
            parameters: {
                query?: {
                    min_size?: number;
                    max_links?: number;
                    limit?: number;
                    /** @description only the connected component of this entity (loaded breadth first, at most max_nodes) */
                    around?: string;
                    max_nodes?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphCommunities"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/centrality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Degree and betweenness of the entities around one (a bounded subgraph), most central first */
        get: {
            parameters: {
                query: {
                    key: string;
                    depth?: number;
                    max_nodes?: number;
                    limit?: number;
                    types?: string;
                    link_types?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nodes: {
                                id: number;
                                type: string;
                                key: string;
                                label: string;
                                hub: boolean;
                                depth?: number;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                degree: number;
                                betweenness: number;
                            }[];
                            size: number;
                            truncated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk signals of importers: within 2 links of an online seller with alerts or of a seizure, with the path */
        get: {
            parameters: {
                query: {
                    importers: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                importer: string;
                                score: number;
                                explanation: string | null;
                                paths: {
                                    nodes: {
                                        id: number;
                                        type: string;
                                        key: string;
                                        label: string;
                                    }[];
                                    link_types: string[];
                                    finding: string;
                                    score: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Merge suggestions, best score first */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "accepted" | "rejected";
                    type?: "person" | "company" | "declarant" | "seller" | "courier" | "phone" | "email" | "address" | "city" | "vehicle" | "property" | "bank" | "bank_account" | "account" | "website" | "online_seller" | "declaration" | "manifest" | "container" | "payment" | "case" | "seizure";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["GraphSuggestion"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Look for new merge suggestions (rejected pairs are never proposed again; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        min_score?: number;
                        auto_merge_above?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: number;
                            proposed: number;
                            merged: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/suggestions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A merge suggestion */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphSuggestion"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/suggestions/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a suggestion: the two entities become one (audited; reversible with split) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphSuggestion"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/suggestions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a suggestion: the pair is remembered and never proposed again (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphSuggestion"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A network (the neighbourhood of an entity) as CSV of nodes or edges, or GraphML (audited)
         * @description `format=csv` gives the nodes (`part=nodes`, the default) or the edges (`part=edges`): two requests for both tables; `format=graphml` gives both in one file. Cells a spreadsheet would run as formulas are escaped with a leading apostrophe.
         */
        get: {
            parameters: {
                query: {
                    key: string;
                    depth?: number;
                    max_nodes?: number;
                    format?: "csv" | "graphml";
                    part?: "nodes" | "edges";
                    types?: string;
                    link_types?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/graphml+xml": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/graphml+xml": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/hubs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Identifiers shared too widely (hubs): in the graph but not crossed; most linked first (online-only ones need osint:read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GraphHub"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/hubs/{id}/keep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear a hub mark: the entity links again and is no longer marked by degree (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphHub"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The exclusion list: values that never link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["GraphExclusion"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Exclude a value (type:value): it never links; in the graph already, it becomes a hub (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphExclusion"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Take a value off the exclusion list: the next build links it again (audited) */
        delete: {
            parameters: {
                query: {
                    key: string;
                    note?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved networks, the newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            items: components["schemas"]["GraphNetworkSummary"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a chart as a network: its entities with positions and pins, start and filters (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        note?: string;
                        start_key?: string | null;
                        filters?: {
                            types?: ("person" | "company" | "declarant" | "seller" | "courier" | "phone" | "email" | "address" | "city" | "vehicle" | "property" | "bank" | "bank_account" | "account" | "website" | "online_seller" | "declaration" | "manifest" | "container" | "payment" | "case" | "seizure")[];
                            link_types?: ("importer_of" | "declarant_of" | "seller_of" | "courier_of" | "has_phone" | "has_email" | "located_at" | "in_city" | "manager_of" | "consignee_of" | "manifest_of" | "carries" | "paid" | "beneficiary_of" | "paid_through" | "payment_for" | "has_account" | "has_website" | "same_name" | "owns" | "uses" | "shareholder_of" | "employee_of" | "seen_at" | "related")[];
                            since?: string;
                            until?: string;
                            depth?: number;
                        };
                        nodes: {
                            id: number;
                            x: number;
                            y: number;
                            pinned?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphNetwork"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/networks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A saved network as the graph holds it now: its entities at their positions and the links between them (online-only entities and links need osint:read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphNetwork"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a saved network (its author, or graph:manage; audited) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graph/networks/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A saved network as CSV of nodes or edges, or GraphML, as the caller may see it (audited) */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "graphml";
                    part?: "nodes" | "edges";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/graphml+xml": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Error"];
                        "application/graphml+xml": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/installation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This installation's Ed25519 public key and its id: what partners are given */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key_id: string;
                            public_key: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partner administrations and national agencies */
        get: {
            parameters: {
                query?: {
                    kind?: "customs_administration" | "national_agency";
                    active?: "true" | "false";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SharingPartner"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a partner administration or agency with its public key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @enum {string} */
                        kind: "customs_administration" | "national_agency";
                        country: string;
                        /** @description Ed25519 public key: SPKI PEM, or base64 of its 32 raw bytes */
                        public_key: string;
                        endpoint_url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingPartner"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/partners/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingPartner"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a partner's name, public key, endpoint or whether it is active */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description Ed25519 public key: SPKI PEM, or base64 of its 32 raw bytes */
                        public_key?: string;
                        endpoint_url?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingPartner"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/sharing/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Closed user groups with their members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SharingGroup"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a closed user group (nominal data excluded unless its agreement allows them) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        description?: string | null;
                        nominal_data_allowed?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/groups/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A closed user group */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a group's name, description or agreement on nominal data */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string | null;
                        nominal_data_allowed?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/sharing/groups/{code}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a member: a partner (by code) or an office of this installation, with a role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        member_type: "partner" | "office";
                        ref: string;
                        /**
                         * @default member
                         * @enum {string}
                         */
                        role?: "coordinator" | "member" | "observer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/groups/{code}/members/{member_type}/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    member_type: "partner" | "office";
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/messages/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a message would carry, field by field, and what the group's agreement removed (nothing is recorded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "warning" | "seizure_report" | "request" | "feedback";
                        /** @enum {string} */
                        distribution: "installation" | "group" | "connected_groups";
                        /** @enum {string} */
                        marking: "clear" | "green" | "amber" | "amber+strict" | "red";
                        group?: string | null;
                        title?: string;
                        text?: string;
                        seizure_id?: number;
                        /** @description the seizure by its reference (S-300/2026/0001), instead of seizure_id */
                        seizure_reference?: string;
                        /** @description warning: an online seller's phones, e-mail addresses, URLs, domains (STIX indicators) */
                        observables?: {
                            /** @enum {string} */
                            type: "phone" | "email" | "url" | "domain";
                            value: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            group: string | null;
                            /** @description whether personal data of natural persons may leave */
                            nominal: boolean;
                            title: string;
                            /** @description exactly the fields that would leave */
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @description paths of what the nominal split removed */
                            removed: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages sent and received, newest first (an inbox or outbox per group) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    direction?: "outgoing" | "incoming";
                    group?: string;
                    kind?: "warning" | "seizure_report" | "request" | "feedback";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["SharingMessage"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Send a message: signed by this installation, recorded and appended to the ledger */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "warning" | "seizure_report" | "request" | "feedback";
                        /** @enum {string} */
                        distribution: "installation" | "group" | "connected_groups";
                        /** @enum {string} */
                        marking: "clear" | "green" | "amber" | "amber+strict" | "red";
                        group?: string | null;
                        title?: string;
                        text?: string;
                        seizure_id?: number;
                        /** @description the seizure by its reference (S-300/2026/0001), instead of seizure_id */
                        seizure_reference?: string;
                        /** @description warning: an online seller's phones, e-mail addresses, URLs, domains (STIX indicators) */
                        observables?: {
                            /** @enum {string} */
                            type: "phone" | "email" | "url" | "domain";
                            value: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingMessage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/messages/incoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a signed message received from a partner: refused when the sender is unknown or the signature or payload hash does not match; stored once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SharingEnvelopeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: components["schemas"]["SharingMessage"];
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: components["schemas"]["SharingMessage"];
                            /** @enum {boolean} */
                            duplicate: false;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A message */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingMessage"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/messages/{id}/envelope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed envelope of an outgoing message, as a partner installation receives it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingEnvelope"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger entries, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["SharingLedgerEntry"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/ledger/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed Merkle checkpoints of the ledger */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SharingLedgerCheckpoint"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign a checkpoint over the entries since the last one (null when there is nothing new) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checkpoint: components["schemas"]["SharingLedgerCheckpoint"] | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/ledger/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole ledger as NDJSON with the public keys that verify it (`vigie ledger verify FILE`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the whole ledger as exported (hashes, chain, signatures, checkpoints): intact, or the first bad entry */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            entries: number;
                            checkpoints: number;
                            last_seq: number | null;
                            last_hash: string | null;
                            problem: {
                                line: number;
                                seq: number | null;
                                /** @enum {string} */
                                reason: "malformed" | "hash_mismatch" | "broken_chain" | "bad_signature" | "unknown_key" | "checkpoint_mismatch";
                                message: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assistance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mutual assistance requests, newest first (or the most overdue first with overdue=true) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    direction?: "outgoing" | "incoming";
                    status?: "draft" | "sent" | "answered" | "closed" | "refused" | "withdrawn";
                    partner?: string;
                    overdue?: "true" | "false";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["AssistanceRequest"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a request: outgoing starts as a draft, incoming as sent (received on sent_on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        direction: "outgoing" | "incoming";
                        partner: string;
                        partner_reference?: string | null;
                        legal_basis: string;
                        subject: string;
                        questions: string;
                        deadline?: string | null;
                        sent_on?: string;
                        subjects?: {
                            /** @enum {string} */
                            ref_type: "graph_entity" | "declaration" | "case";
                            ref: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assistance/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests still waiting (draft or sent) after their deadline, the most overdue first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AssistanceRequest"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assistance/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests sent and received per year, partner and direction (the annual report), answered among them */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                year: number;
                                partner: string;
                                partner_name: string;
                                /** @enum {string} */
                                direction: "outgoing" | "incoming";
                                requests: number;
                                answered: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assistance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its subjects and reminders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assistance/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a request (sent, answered with the answer, closed, refused or withdrawn with a reason) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "draft" | "sent" | "answered" | "closed" | "refused" | "withdrawn";
                        reason?: string;
                        answer?: string;
                        on?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assistance/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a reminder about a sent request waiting for its answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reminded_on?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A partner installation's push: a signed request (x-vigie-key-id, x-vigie-date, x-vigie-signature) carrying a signed message, stored once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SharingEnvelopeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message_id: string;
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message_id: string;
                            /** @enum {boolean} */
                            duplicate: false;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/inbox/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A partner installation's push of up to 100 messages in one signed request: each checked and stored once, all stored in one transaction; the answer names each one's fate */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        envelopes: components["schemas"]["SharingEnvelopeInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                message_id: string;
                                /** @enum {string} */
                                outcome: "stored" | "duplicate" | "refused";
                                code?: string;
                                reason?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner installation's pull: what this installation has for it after its cursor (a request signed over { after, limit }) */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            envelopes: components["schemas"]["SharingEnvelope"][];
                            cursor: number;
                            more: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/partners/{code}/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull from a partner's installation what it has for this one since the last pull */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            partner: string;
                            stored: number;
                            duplicate: number;
                            refused: number;
                            cursor: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per partner: what waits to be delivered, the oldest waiting, last contact both ways, last error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                partner: string;
                                endpoint_url: string | null;
                                active: boolean;
                                backlog: number;
                                oldest_pending: string | null;
                                attempts: number;
                                refused: number;
                                last_error: string | null;
                                last_sent_at: string | null;
                                last_received_at: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver what is due now (the sharing.push job does it every minute) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivered: number;
                            refused: number;
                            retried: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/groups/{code}/stix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** STIX 2.1 bundle of what the group may see: the messages sent to it, after its agreement's nominal split */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StixBundle"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/messages/{id}/stix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** STIX 2.1 bundle of one outgoing message, after its group's nominal split (none: nominal data stay here) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StixBundle"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/stix/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a partner's STIX 2.1 bundle as incoming messages: checked whole first (nothing stored on a bad one), each message stored once */
        post: {
            parameters: {
                query: {
                    partner: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description a STIX 2.1 bundle */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            partner: string;
                            bundle: string;
                            stored: number;
                            duplicate: number;
                            messages: {
                                id: number;
                                message_id: string;
                                stix_id: string;
                                /** @enum {string} */
                                outcome: "stored" | "duplicate";
                                kind: string;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII 2.1 discovery (signed by a partner installation) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/taxii2/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII 2.1 API root */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/taxii2/collections/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII 2.1 collections: one per closed user group the partner belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/taxii2/collections/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII 2.1 collection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/taxii2/collections/{id}/objects/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII 2.1 objects of a collection, oldest first (added_after, limit ≤ 100, next, match[type]) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/taxii2/collections/{id}/manifest/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII 2.1 manifest of a collection (same paging as its objects) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/checkpoints/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner installation reads this installation's signed checkpoints after a to_seq, each with the entries that concern it and their audit paths (a request signed over { after }) */
        get: {
            parameters: {
                query?: {
                    after?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checkpoints: {
                                [key: string]: unknown;
                            }[];
                            cursor: number;
                            more: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing/partners/{code}/checkpoints/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch a partner's signed ledger checkpoints and check them against the messages this installation holds; divergences are named and audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            partner: string;
                            checkpoints: number;
                            entries: number;
                            divergences: {
                                /** @enum {string} */
                                reason: "bad_checkpoint" | "bad_entry" | "not_received" | "never_sent" | "mismatch" | "missing_from_ledger";
                                seq: number | null;
                                message_id: string | null;
                                detail: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/examiners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Examiners of parcels, by office, with their specialities */
        get: {
            parameters: {
                query?: {
                    office?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ParcelExaminer"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an examiner at an office with specialities (HS prefixes, kinds, indicators) and a daily capacity */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        name: string;
                        office: string;
                        hs_prefixes?: string[];
                        kinds?: ("postal" | "express")[];
                        indicators?: ("split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model")[];
                        daily_capacity?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelExaminer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/examiners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an examiner: name, specialities, capacity, active */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        active?: boolean;
                        hs_prefixes?: string[];
                        kinds?: ("postal" | "express")[];
                        indicators?: ("split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model")[];
                        daily_capacity?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelExaminer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/parcels/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the referred, unassigned parcels of a period to examiners (speciality, then load) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        office?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigned: number;
                            unassigned: number;
                            by_examiner: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a parcel to another examiner of its office, with a reason (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        examiner_id: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            parcel_id: number;
                            examiner: components["schemas"]["ParcelExaminer"];
                            reason: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Load and throughput of each examiner over a period (default today): assigned, by hand, seized, inspected, fraud, pending, per day against capacity */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    office?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            items: components["schemas"]["ParcelExaminerWorkload"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/my-inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's parcels to examine on a day (default today), highest score first */
        get: {
            parameters: {
                query?: {
                    day?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            items: {
                                parcel_id: number;
                                carrier: string;
                                consignment_number: string;
                                arrival_date: string;
                                arrival_office: string;
                                description: string;
                                score: number;
                                /** @enum {string} */
                                channel: "red" | "yellow" | "green";
                                /** @enum {string} */
                                basis: "auto" | "manual";
                                reason: string;
                                examiner: string;
                                /**
                                 * @description the result recorded, once inspected; null while still to inspect
                                 * @enum {string|null}
                                 */
                                inspected: "compliant" | "fraud" | "not_found" | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dashboard figures of the parcels arriving in a period (default: the week up to the last arrival day; at most 366 days): arrived, scored, referred, split orders, linked to online sellers, inspected, fraud by type, pending, per office; workload and throughput per examiner and office */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelsDashboard"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/{id}/inspection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A parcel's inspection outcome in force (null before one is recorded) and the outcomes it replaced */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inspection: components["schemas"]["ParcelInspection"] | null;
                            /** @description the outcomes corrections replaced, oldest first (empty when never corrected) */
                            history: components["schemas"]["ParcelInspectionReplaced"][];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record what the inspection of a parcel found (its examiner, or a supervisor with parcels:write); once, audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description compliant; fraud (with fraud_type); not_found: the goods were not presented or absent
                         * @enum {string}
                         */
                        result: "compliant" | "fraud" | "not_found";
                        /** @enum {string|null} */
                        fraud_type?: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
                        /** @description the value of the goods found */
                        found_value?: number | null;
                        found_currency?: string | null;
                        note?: string | null;
                        /**
                         * Format: date-time
                         * @description when the parcel was inspected; now when absent
                         */
                        inspected_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelInspection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description parcels.inspection_already_recorded: the parcel has an outcome (details.existing) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/{id}/inspection/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a parcel's inspection outcome with a reason (its examiner, or a supervisor with parcels:write): the outcome replaced is kept; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description compliant; fraud (with fraud_type); not_found: the goods were not presented or absent
                         * @enum {string}
                         */
                        result: "compliant" | "fraud" | "not_found";
                        /** @enum {string|null} */
                        fraud_type?: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
                        /** @description the value of the goods found */
                        found_value?: number | null;
                        found_currency?: string | null;
                        note?: string | null;
                        /**
                         * Format: date-time
                         * @description when the parcel was inspected; the time recorded is kept when absent
                         */
                        inspected_at?: string | null;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            parcel_id: number;
                            /** @description the examiner the parcel is assigned to (or who recorded it when unassigned) */
                            examiner: string;
                            /** @enum {string} */
                            result: "compliant" | "fraud" | "not_found";
                            /** @enum {string|null} */
                            fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
                            found_value: number | null;
                            found_currency: string | null;
                            note: string | null;
                            inspected_at: string;
                            /** @description who recorded it: the examiner, or a supervisor for them */
                            recorded_by: string;
                            recorded_at: string;
                            /** @description the outcomes corrections replaced, oldest first (empty when never corrected) */
                            history: components["schemas"]["ParcelInspectionReplaced"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description parcels.nothing_to_correct: no outcome is recorded yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trained parcel models, newest first, with their hold-out figures and which one is active */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ParcelModel"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Train a parcel model on the inspection outcomes of the parcels arriving in the period (all by default), optionally activating it; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from?: string;
                        to?: string;
                        activate?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelModel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/models/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a trained parcel model the one scoring uses (the active one before is retired); audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelModel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Parcels, highest score first, with filters (value band in euros: value_min ≤ value < value_max) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description The next_cursor of the previous page: the page starts after its last row (keyset paging) */
                    cursor?: string;
                    carrier?: string;
                    kind?: "postal" | "express";
                    origin_country?: string;
                    platform?: string;
                    office?: string;
                    value_min?: number;
                    value_max?: number;
                    from?: string;
                    to?: string;
                    channel?: "red" | "yellow" | "green";
                    referred?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["ParcelListItem"][];
                            /** @description Pass as cursor for the next page (keyset paging); null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A parcel with its score, channel and reasons (each with its evidence) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelDetail"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/scorings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score the parcels arriving from one date to another (pre-arrival targeting), audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelScoreRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/{id}/seizure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link a parcel to the seizure of its goods (a seizure of the cases module): the sender's later parcels are then repeat senders; audited */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        seizure_id: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            parcel_id: number;
                            seizure_id: number;
                            seizure_reference: string;
                            seized_on: string;
                            description: string;
                            linked_by: string;
                            linked_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parcels/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Duty-free threshold, split-order window and referral scores */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelSettings"];
                    };
                };
            };
        };
        /** Change some of the settings (the others are kept), audited */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        threshold_eur?: number;
                        window_days?: number;
                        referral_score?: number;
                        red_score?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParcelSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorInput: {
            /** @description Stable error code, e.g. declaration.not_found */
            code: string;
            message: string;
            details?: unknown;
        };
        SessionUserInput: {
            id: number;
            username: string;
            display_name: string;
            roles: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
            office_code: string | null;
            permissions: string[];
        };
        DeclarationSummaryInput: {
            id: number;
            reference: string;
            office: string;
            lodged_on: string;
            procedure: string | null;
            importer_code: string | null;
            declarant_code: string | null;
            seller_code: string | null;
            currency: string | null;
            item_count: number;
            total_value: number;
            inspected_items: number;
            fraud_items: number;
            critical_items: number;
        };
        InspectionOutcomeInput: {
            id: number;
            inspected_on: string | null;
            /** @enum {string|null} */
            channel: "green" | "yellow" | "red" | "blue" | null;
            /** @enum {string} */
            result: "compliant" | "fraud" | "critical";
            fraud_type: string | null;
            recovered_amount: number | null;
            officer: string | null;
            note: string | null;
            /** @enum {string} */
            source: "import" | "officer";
            recorded_at: string;
        };
        DeclarationInput: {
            id: number;
            reference: string;
            office: {
                code: string;
                name: string | null;
            };
            lodged_on: string;
            procedure: string | null;
            transport_mode: string | null;
            departure_country: string | null;
            currency: string | null;
            attributes: {
                [key: string]: string;
            };
            item_count: number;
            total_value: number;
            import_id: number | null;
            created_at: string;
            parties: {
                importer: {
                    code: string;
                    name: string | null;
                } | null;
                declarant: {
                    code: string;
                    name: string | null;
                } | null;
                seller: {
                    code: string;
                    name: string | null;
                    country: string | null;
                } | null;
                courier: {
                    code: string;
                    name: string | null;
                } | null;
            };
            items: {
                id: number;
                line_no: number;
                hs_code: string;
                description: string | null;
                origin_country: string | null;
                quantity: number | null;
                quantity_unit: string | null;
                net_mass_kg: number | null;
                customs_value: number;
                duty_rate: number | null;
                tax_type: string | null;
                origin_indicator: string | null;
                outcomes: components["schemas"]["InspectionOutcomeInput"][];
            }[];
        };
        DeclarationStatsInput: {
            declarations: number;
            items: number;
            outcomes: number;
            inspected_items: number;
            fraud_items: number;
            critical_items: number;
            importers: number;
            declarants: number;
            sellers: number;
            couriers: number;
            offices: number;
            imports: number;
            first_lodged_on: string | null;
            last_lodged_on: string | null;
        };
        ImportRunInput: {
            id: number;
            kind: string;
            file_name: string;
            file_sha256: string | null;
            file_bytes: number | null;
            format: string;
            profile: string;
            /** @enum {string} */
            mode: "atomic" | "skip_invalid";
            rows_read: number;
            rows_rejected: number;
            counts: {
                [key: string]: number;
            };
            started_at: string;
            finished_at: string | null;
            started_by: string | null;
        };
        JobInput: {
            id: string;
            kind: string;
            title: string;
            /** @enum {string} */
            state: "queued" | "running" | "retrying" | "completed" | "failed" | "cancelled";
            params: {
                [key: string]: unknown;
            };
            done: number;
            total: number | null;
            unit: string | null;
            message: string | null;
            result: unknown;
            error: string | null;
            attempts: number;
            cancel_requested: boolean;
            created_by: number | null;
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
            updated_at: string;
            rate: number | null;
            eta_seconds: number | null;
            stalled: boolean;
        };
        InlineDeclarationInput: {
            reference: string;
            office: string;
            lodged_on: string;
            procedure?: string | null;
            transport_mode?: string | null;
            departure_country?: string | null;
            currency?: string | null;
            declarant_code?: string | null;
            importer_code?: string | null;
            importer_name?: string | null;
            seller_code?: string | null;
            seller_name?: string | null;
            seller_country?: string | null;
            courier_code?: string | null;
            attributes?: {
                [key: string]: string;
            };
            items: {
                line_no: number;
                hs_code: string;
                description?: string | null;
                origin_country?: string | null;
                quantity?: number | null;
                quantity_unit?: string | null;
                net_mass_kg?: number | null;
                customs_value: number;
                duty_rate?: number | null;
                tax_type?: string | null;
                origin_indicator?: string | null;
            }[];
        };
        ReferenceValueInput: {
            /** @enum {string} */
            level: "hs6_origin" | "hs6" | "hs4";
            hs: string;
            origin: string;
            /** @enum {string} */
            unit: "kg" | "item";
            currency: string;
            window_from: string;
            window_to: string;
            n: number;
            median: number;
            q1: number;
            q3: number;
            p10: number;
            p90: number;
            mad: number;
            log_median: number;
            log_mad: number;
            excluded_outliers: number;
            built_at: string;
        };
        ValuationFindingInput: {
            /** @enum {string} */
            level: "hs6_origin" | "hs6" | "hs4";
            hs: string;
            origin: string;
            /** @enum {string} */
            unit: "kg" | "item";
            currency: string;
            sample_n: number;
            window_from: string;
            window_to: string;
            reference_median: number;
            reference_q1: number;
            reference_p10: number;
            unit_value: number;
            divisor: number;
            ratio: number;
            robust_z: number;
            undervaluation_amount: number;
            duty_rate: number | null;
            duties_at_stake: number;
            flagged: boolean;
        };
        StoredValuationFindingInput: {
            id: number;
            item_id: number;
            declaration_id: number;
            reference: string;
            office: string;
            lodged_on: string;
            line_no: number;
            hs_code: string;
            level: string;
            hs: string;
            origin: string;
            unit: string;
            currency: string;
            sample_n: number;
            window_from: string;
            window_to: string;
            reference_median: number;
            reference_p10: number;
            reference_q1: number;
            unit_value: number;
            ratio: number;
            robust_z: number | null;
            undervaluation_amount: number;
            duty_rate: number | null;
            duties_at_stake: number;
            /** @enum {string} */
            status: "open" | "confirmed" | "dismissed";
            justification: string | null;
            decided_by: string | null;
            decided_at: string | null;
            created_at: string;
            updated_at: string;
        };
        CompanyInput: {
            company_id: string;
            name: string;
            legal_form: string | null;
            created_on: string | null;
            capital: number | null;
            address: string | null;
            city: string | null;
            activity: string | null;
            phone: string | null;
            managers: string[];
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        ManifestInput: {
            id: number;
            document_number: string;
            document_type: string;
            carrier: string | null;
            vessel_or_flight: string | null;
            port_of_loading: string | null;
            port_of_discharge: string | null;
            arrival_date: string | null;
            consignee_code: string | null;
            consignee_name: string | null;
            goods_description: string | null;
            packages: number | null;
            gross_mass_kg: number | null;
            containers: string[];
            declaration_reference: string | null;
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        FxPaymentInput: {
            id: number;
            payment_reference: string;
            importer_code: string;
            paid_on: string;
            amount: number;
            currency: string;
            beneficiary_name: string | null;
            beneficiary_country: string | null;
            bank: string | null;
            declaration_reference: string | null;
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        TrademarkInput: {
            id: number;
            brand: string;
            owner: string;
            registration_number: string | null;
            owner_country: string | null;
            nice_classes: number[];
            registered_on: string | null;
            expires_on: string | null;
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        OverviewInput: {
            totals: {
                declarations: number;
                items: number;
                inspected_items: number;
                fraud_items: number;
                critical_items: number;
                recovered_amount: number;
            };
            last_day: {
                date: string | null;
                declarations: number;
                inspected_items: number;
                fraud_items: number;
            };
            per_month: {
                month: string;
                declarations: number;
                inspected_items: number;
                fraud_items: number;
            }[];
            by_result: {
                result: string;
                items: number;
            }[];
            by_office: {
                office: string;
                declarations: number;
                fraud_items: number;
            }[];
            top_chapters: {
                chapter: string;
                inspected_items: number;
                fraud_items: number;
                fraud_rate: number;
            }[];
        };
        RiskProfileDiffInput: {
            from: {
                id: number;
                name: string;
                version: number;
                status: string;
            } | null;
            to: {
                id: number;
                name: string;
                version: number;
                status: string;
            };
            diff: {
                description: {
                    field: string;
                    old: unknown;
                    new: unknown;
                } | null;
                scoring: {
                    field: string;
                    old: unknown;
                    new: unknown;
                }[];
                rules: {
                    added: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    removed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    changed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                        fields: {
                            field: string;
                            old: unknown;
                            new: unknown;
                        }[];
                    }[];
                    unchanged: number;
                };
            };
        };
        RiskActivationRequestInput: {
            id: number;
            profile_id: number;
            name: string;
            version: number;
            author: string;
            active_profile_id: number | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "stale";
            /** @description pending, but another version was activated or retired since: approval will fail */
            stale: boolean;
            reason: string;
            requested_by: string;
            requested_at: string;
            decided_by: string | null;
            decision_reason: string | null;
            decided_at: string | null;
            backtest: {
                job_id: string;
                finished_at: string;
                from: string;
                to: string;
                days: number;
                candidate: {
                    items: number;
                    selected_items: number;
                    share: number | null;
                    inspected: number;
                    frauds: number;
                    hit_rate: number | null;
                    recall: number | null;
                    duties_recovered: number;
                    duties_at_stake: number;
                };
                active: {
                    profiles: string[];
                    figures: {
                        items: number;
                        selected_items: number;
                        share: number | null;
                        inspected: number;
                        frauds: number;
                        hit_rate: number | null;
                        recall: number | null;
                        duties_recovered: number;
                        duties_at_stake: number;
                    };
                } | null;
            };
        };
        RiskActivationRequestDetailInput: {
            id: number;
            profile_id: number;
            name: string;
            version: number;
            author: string;
            active_profile_id: number | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "stale";
            /** @description pending, but another version was activated or retired since: approval will fail */
            stale: boolean;
            reason: string;
            requested_by: string;
            requested_at: string;
            decided_by: string | null;
            decision_reason: string | null;
            decided_at: string | null;
            backtest: {
                job_id: string;
                finished_at: string;
                from: string;
                to: string;
                days: number;
                candidate: {
                    items: number;
                    selected_items: number;
                    share: number | null;
                    inspected: number;
                    frauds: number;
                    hit_rate: number | null;
                    recall: number | null;
                    duties_recovered: number;
                    duties_at_stake: number;
                };
                active: {
                    profiles: string[];
                    figures: {
                        items: number;
                        selected_items: number;
                        share: number | null;
                        inspected: number;
                        frauds: number;
                        hit_rate: number | null;
                        recall: number | null;
                        duties_recovered: number;
                        duties_at_stake: number;
                    };
                } | null;
            };
            from: {
                id: number;
                name: string;
                version: number;
                status: string;
            } | null;
            to: {
                id: number;
                name: string;
                version: number;
                status: string;
            };
            diff: {
                description: {
                    field: string;
                    old: unknown;
                    new: unknown;
                } | null;
                scoring: {
                    field: string;
                    old: unknown;
                    new: unknown;
                }[];
                rules: {
                    added: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    removed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    changed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                        fields: {
                            field: string;
                            old: unknown;
                            new: unknown;
                        }[];
                    }[];
                    unchanged: number;
                };
            };
        };
        AttachmentInput: {
            id: number;
            reference: string;
            outcome_id: number | null;
            /** @enum {string} */
            kind: "photo" | "document";
            content_type: string;
            file_name: string;
            bytes: number;
            sha256: string;
            note: string | null;
            added_by: string;
            added_at: string;
        };
        RiskBacktestRowInput: {
            job_id: string;
            finished_at: string | null;
            created_by: number | null;
            profile_id: number;
            profile: string;
            from: string;
            to: string;
            items: number;
            selected_items: number;
            share: number | null;
            inspected: number;
            frauds: number;
            precision: number | null;
            recall: number | null;
            duties_recovered: number;
            active_precision: number | null;
            active_recall: number | null;
        };
        CampaignInput: {
            id: number;
            name: string;
            description: string | null;
            hs_prefixes: string[];
            keywords: string[];
            origins: string[];
            date_from: string | null;
            date_to: string | null;
            /** @enum {string} */
            status: "active" | "closed";
            owner: string;
            created_by: string | null;
            created_at: string;
        };
        PreArrivalReferralInput: {
            source: string;
            id: number;
            reference: string;
            office: string;
            arrival_date: string;
            score: number;
            /** @enum {string} */
            channel: "red" | "yellow";
            explanation: {
                indicator: string;
                points: number;
                message: string;
            }[];
            assigned_to: string | null;
            link: string;
            /** @enum {boolean} */
            pre_arrival: true;
        };
        RiskRuleInput: {
            id: string;
            title: string | {
                en: string;
                fr: string;
                ar?: string;
            };
            rationale: string | {
                en: string;
                fr: string;
                ar?: string;
            };
            instructions?: string | {
                en: string;
                fr: string;
                ar?: string;
            };
            intelligence?: string;
            enabled: boolean;
            critical: boolean;
            probability?: number;
            when: unknown;
            effect: {
                points: number;
                channel?: ("green" | "yellow" | "red" | "blue") | {
                    [key: string]: number;
                };
                tags: string[];
                campaign?: string;
            };
        };
        RiskProfileSummaryInput: {
            id: number;
            name: string;
            version: number;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            author: string;
            reason: string;
            valid_from: string | null;
            valid_to: string | null;
            created_at: string;
            activated_at: string | null;
            activated_by: string | null;
            retired_at: string | null;
            retired_by: string | null;
            rules: number;
        };
        RiskProfileInput: {
            id: number;
            name: string;
            version: number;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            author: string;
            reason: string;
            valid_from: string | null;
            valid_to: string | null;
            created_at: string;
            activated_at: string | null;
            activated_by: string | null;
            retired_at: string | null;
            retired_by: string | null;
            rules: number;
            document: {
                description?: string;
                scoring: {
                    [key: string]: unknown;
                };
                rules: components["schemas"]["RiskRuleInput"][];
            };
            source_text: string | null;
        };
        RiskScoreInput: {
            reference: string;
            office: string;
            lodged_on: string;
            stored: boolean;
            profiles: {
                id: number;
                name: string;
                version: number;
            }[];
            model: string | null;
            score: number;
            probability: number;
            expected_value: number;
            critical: boolean;
            /** @enum {string} */
            indicative_channel: "green" | "yellow" | "red" | "blue";
            forced: {
                /** @enum {string} */
                channel: "green" | "yellow" | "red" | "blue";
                rule_id: string;
                profile: string;
                line_no: number;
            } | null;
            breakdown: {
                source: string;
                id: string;
                points: number;
            }[];
            items: {
                item_id: number | null;
                line_no: number;
                score: number;
                probability: number;
                stake: number;
                expected_value: number;
                critical: boolean;
                breakdown: {
                    source: string;
                    id: string;
                    points: number;
                }[];
                hits: {
                    profile: string;
                    version: number;
                    rule_id: string;
                    title: string | {
                        en: string;
                        fr: string;
                        ar?: string;
                    };
                    points: number;
                    /** @enum {string|null} */
                    channel: "green" | "yellow" | "red" | "blue" | null;
                    critical: boolean;
                    tags: string[];
                    probability: number;
                    values: {
                        subject: string;
                        /** @enum {string} */
                        kind: "field" | "indicator";
                        value: unknown;
                        evidence?: {
                            [key: string]: unknown;
                        };
                    }[];
                }[];
                forced: {
                    /** @enum {string} */
                    channel: "green" | "yellow" | "red" | "blue";
                    rule_id: string;
                    profile: string;
                } | null;
                tags: string[];
                finding: components["schemas"]["ValuationFindingInput"] | null;
                model: {
                    name: string;
                    probability: number;
                    reasons: {
                        en: string;
                        fr: string;
                        ar: string;
                        feature?: string;
                        contribution?: number;
                    }[];
                    anomaly?: {
                        score: number;
                        percentile: number;
                        reasons: {
                            en: string;
                            fr: string;
                            ar: string;
                            feature?: string;
                            contribution?: number;
                        }[];
                    } | null;
                } | null;
            }[];
            explanation: {
                en: string;
                fr: string;
                ar: string;
            };
        };
        SelectionRunInput: {
            run_id: number;
            office: string;
            day: string;
            seed: string;
            profiles: {
                id: number;
                name: string;
                version: number;
            }[];
            model: string | null;
            declarations: number;
            items: number;
            /** @enum {string} */
            unit: "items" | "minutes";
            budget: number;
            used: number;
            selected_items: number;
            random_items: number;
            random_share: number;
            /** @description the capacity's split in its unit: random share, red slots, yellow slots */
            slots: {
                random: number;
                red: number;
                yellow: number;
            };
            /** @description the profile's minimum scores for red and yellow */
            minimum_score: {
                red: number;
                yellow: number;
            };
            over_capacity: boolean;
            counts: {
                [key: string]: number;
            };
            decisions: {
                id: number;
                reference: string;
                /** @enum {string} */
                channel: "green" | "yellow" | "red" | "blue";
                basis: string;
                score: number;
                rank: number | null;
            }[];
        };
        RiskDecisionSummaryInput: {
            id: number;
            reference: string;
            office: string;
            lodged_on: string;
            run_id: number | null;
            /** @enum {string} */
            channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            initial_channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            basis: "forced" | "ranked" | "random" | "deferred" | "none";
            score: number;
            probability: number;
            expected_value: number;
            rank: number | null;
            decided_at: string;
        };
        RiskDecisionInput: {
            id: number;
            reference: string;
            office: string;
            lodged_on: string;
            run_id: number | null;
            /** @enum {string} */
            channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            initial_channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            basis: "forced" | "ranked" | "random" | "deferred" | "none";
            score: number;
            probability: number;
            expected_value: number;
            rank: number | null;
            profile_versions: {
                id: number;
                name: string;
                version: number;
            }[];
            breakdown: {
                source: string;
                id: string;
                points: number;
            }[];
            explanation: {
                en: string;
                fr: string;
                ar: string;
            };
            decided_by: string | null;
            decided_at: string;
            superseded_at: string | null;
            items: {
                item_id: number;
                line_no: number;
                score: number;
                probability: number;
                expected_value: number;
                breakdown: {
                    source: string;
                    id: string;
                    points: number;
                }[];
                tags: string[];
                indicators: {
                    [key: string]: unknown;
                };
                anomaly: {
                    score: number;
                    percentile: number;
                    reasons: {
                        en: string;
                        fr: string;
                        ar: string;
                        feature?: string;
                        contribution?: number;
                    }[];
                } | null;
                hits: {
                    profile: string;
                    version: number;
                    rule_id: string;
                    points: number;
                    /** @enum {string|null} */
                    channel: "green" | "yellow" | "red" | "blue" | null;
                    critical: boolean;
                }[];
                outcomes: {
                    id: number;
                    result: string;
                    fraud_type: string | null;
                    recovered_amount: number | null;
                    officer: string | null;
                    source: string;
                    inspected_on: string | null;
                    channel: string | null;
                    note: string | null;
                    /** @description the outcome that corrects this one, if any */
                    corrected_by: number | null;
                    /** @description when this outcome corrects another: which, why, who and when */
                    correction: {
                        of: number;
                        reason: string;
                        officer: string;
                        at: string;
                    } | null;
                }[];
            }[];
            overrides: {
                id: number;
                /** @enum {string} */
                from_channel: "green" | "yellow" | "red" | "blue";
                /** @enum {string} */
                to_channel: "green" | "yellow" | "red" | "blue";
                reason: string;
                officer: string;
                at: string;
            }[];
        };
        WatchlistInput: {
            id: number;
            name: string;
            /** @enum {string} */
            type: "trader" | "declarant" | "seller" | "hs_code" | "country" | "transport_document";
            description: string | null;
            owner: string;
            expires_on: string | null;
            created_by: string | null;
            created_at: string;
            entries: number;
        };
        AuditEntryInput: {
            seq: number;
            at: string;
            actor_id: number | null;
            actor: string;
            ip: string | null;
            action: string;
            target_type: string | null;
            target_id: string | null;
            before: unknown;
            after: unknown;
            details: unknown;
            prev_hash: string;
            hash: string;
            /** @description the audit key that sealed the entry (its id, never the key) */
            key_id: string | null;
            seal: string | null;
        };
        AuditVerifyReportInput: {
            ok: boolean;
            checked: number;
            /** @description entries whose seal was checked with the audit key */
            sealed: number;
            /** @description entries without a seal (written before sealing began) */
            unsealed: number;
            /** @description whether the audit key was at hand to check seals */
            keyed: boolean;
            head: {
                seq: number;
                hash: string;
            } | null;
            checkpoint: {
                seq: number;
                at: string;
            } | null;
            /** @description every problem, in order (the first 200) */
            problems: {
                seq: number;
                /** @enum {string} */
                kind: "altered" | "broken_link" | "forged" | "unsealed" | "unknown_key" | "wrong_head" | "checkpoint";
                message: string;
            }[];
            problem_count: number;
            /** @description the first problem */
            problem?: {
                seq: number;
                /** @enum {string} */
                kind: "altered" | "broken_link" | "forged" | "unsealed" | "unknown_key" | "wrong_head" | "checkpoint";
                message: string;
            };
        };
        LegalHoldInput: {
            id: number;
            target_type: string;
            target_id: string;
            reason: string;
            placed_by: string;
            placed_at: string;
            released_by: string | null;
            released_at: string | null;
        };
        SearchHitInput: {
            kind: string;
            id: string;
            title: string;
            subtitle: string | null;
            /** @description the workbench path that opens the record */
            link: string;
            /** @description the field that matched: reference, name, code, phone, email, url, container… */
            matched: string;
        };
        SearchAnswerInput: {
            /** @description the text searched, cleaned */
            q: string;
            groups: {
                kind: string;
                hits: components["schemas"]["SearchHitInput"][];
            }[];
        };
        OsintAlertInput: {
            id: number;
            /** @enum {string} */
            kind: "post" | "seller" | "watchlist";
            /** @enum {string} */
            status: "open" | "confirmed" | "dismissed" | "case_opened";
            /** @enum {string|null} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            score: number | null;
            reason: string;
            created_at: string;
            decided_at: string | null;
            decided_by: string | null;
            /** @enum {string|null} */
            decision_label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            note: string | null;
            item: {
                id: number;
                title: string | null;
                text: string;
                url: string | null;
                platform: string | null;
                author: string | null;
                /** @enum {string} */
                label: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
                score: number;
                reposts: number;
            } | null;
            seller: {
                id: number;
                display_name: string;
                score: number;
                item_count: number;
            } | null;
            watch_term: {
                id: number;
                /** @enum {string} */
                kind: "brand" | "product" | "keyword" | "phone";
                value: string;
            } | null;
        };
        OsintEvidenceInput: {
            id: number;
            source_id: number | null;
            run_id: number | null;
            /** @enum {string} */
            method: "http" | "file" | "manual";
            url: string;
            final_url: string | null;
            fetched_at: string;
            http_status: number | null;
            http_headers: {
                [key: string]: unknown;
            };
            content_type: string | null;
            bytes: number;
            sha256: string;
            collected_by: string;
            collected_by_id: number | null;
            record_hash: string;
            /** @description when the content was removed under the retention policy */
            purged_at: string | null;
        };
        OsintItemInput: {
            id: number;
            source_id: number;
            platform: string | null;
            kind: string;
            external_id: string | null;
            url: string | null;
            canonical_url: string | null;
            author: string | null;
            author_url: string | null;
            title: string | null;
            text: string;
            text_truncated: boolean;
            price: number | null;
            currency: string | null;
            posted_at: string | null;
            attributes: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
            score: number;
            scores: {
                [key: string]: number;
            };
            reasons: string[];
            language: string | null;
            model_version: number;
            /** @enum {string|null} */
            confirmed_label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            seller_id: number | null;
            dup_group_id: number;
            reposts: number;
            evidence_id: number;
            locator: string | null;
            first_seen_at: string;
            last_seen_at: string;
            seen_count: number;
        };
        OsintItemDetailInput: {
            id: number;
            source_id: number;
            platform: string | null;
            kind: string;
            external_id: string | null;
            url: string | null;
            canonical_url: string | null;
            author: string | null;
            author_url: string | null;
            title: string | null;
            text: string;
            text_truncated: boolean;
            price: number | null;
            currency: string | null;
            posted_at: string | null;
            attributes: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
            score: number;
            scores: {
                [key: string]: number;
            };
            reasons: string[];
            language: string | null;
            model_version: number;
            /** @enum {string|null} */
            confirmed_label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            seller_id: number | null;
            dup_group_id: number;
            reposts: number;
            evidence_id: number;
            locator: string | null;
            first_seen_at: string;
            last_seen_at: string;
            seen_count: number;
            signals: unknown[];
            entities: {
                [key: string]: unknown;
            };
            captures: {
                evidence_id: number;
                locator: string | null;
                seen_at: string;
            }[];
            group: {
                id: number;
                author: string | null;
                platform: string | null;
                url: string | null;
                seller_id: number | null;
            }[];
            identifiers: {
                kind: string;
                value: string;
            }[];
            /** @description The learned model's calibrated probabilities for the text (decision 0032) */
            model: {
                probabilities: {
                    [key: string]: number;
                };
                trained_on: string;
            } | null;
        };
        OsintSellerInput: {
            id: number;
            display_name: string;
            score: number;
            /** @enum {string|null} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            reasons: string[];
            item_count: number;
            ad_count: number;
            risky_ad_count: number;
            accounts: {
                platform: string;
                handle: string;
            }[];
            platforms: string[];
            brands: {
                name: string;
                count: number;
            }[];
            cities: {
                name: string;
                count: number;
            }[];
            price_min_mad: number | null;
            price_max_mad: number | null;
            first_seen_at: string | null;
            last_seen_at: string | null;
            open_alerts: number;
        };
        OsintSellerIdentifiersInput: {
            seller_id: number;
            phones: string[];
            emails: string[];
            handles: {
                platform: string;
                handle: string;
            }[];
            shop_urls: string[];
            company_names: string[];
            addresses: string[];
        };
        OsintSellerDetailInput: {
            id: number;
            display_name: string;
            score: number;
            /** @enum {string|null} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            reasons: string[];
            item_count: number;
            ad_count: number;
            risky_ad_count: number;
            accounts: {
                platform: string;
                handle: string;
            }[];
            platforms: string[];
            brands: {
                name: string;
                count: number;
            }[];
            cities: {
                name: string;
                count: number;
            }[];
            price_min_mad: number | null;
            price_max_mad: number | null;
            first_seen_at: string | null;
            last_seen_at: string | null;
            open_alerts: number;
            merged_from: number[];
            identifiers: components["schemas"]["OsintSellerIdentifiersInput"];
        };
        OsintSourceInput: {
            id: number;
            name: string;
            /** @enum {string} */
            type: "feed" | "json_api" | "web" | "file" | "url";
            config: {
                [key: string]: unknown;
            };
            interval_minutes: number | null;
            enabled: boolean;
            owner_id: number | null;
            created_at: string;
            updated_at: string;
            health: {
                next_run_at: string | null;
                running: boolean;
                running_job_id: string | null;
                last_run_at: string | null;
                last_success_at: string | null;
                /** @enum {string|null} */
                last_status: "ok" | "partial" | "failed" | "cancelled" | null;
                last_items: number;
                last_errors: number;
                last_error: string | null;
                total_items: number;
                runs: number;
            };
        };
        OsintRunInput: {
            id: number;
            source_id: number;
            job_id: string | null;
            started_by: string;
            started_at: string;
            finished_at: string | null;
            /** @enum {string} */
            status: "running" | "ok" | "partial" | "failed" | "cancelled";
            fetched: number;
            skipped: number;
            items_new: number;
            items_seen: number;
            reposts: number;
            errors: number;
            alerts: number;
            problems: {
                where: string;
                /** @enum {string} */
                severity: "error" | "warning";
                code: string;
                message: string;
            }[];
        };
        OsintWatchTermInput: {
            id: number;
            /** @enum {string} */
            kind: "brand" | "product" | "keyword" | "phone";
            value: string;
            normalized: string;
            note: string | null;
            active: boolean;
            created_by: number | null;
            created_at: string;
        };
        ModelCardContentInput: {
            /** @enum {number} */
            version: 1;
            generated_at: string;
            generated_by: string;
            model: {
                id: number;
                name: string;
                /** @enum {string} */
                target: "fraud" | "critical";
                sha256: string;
                trees: number;
                notes: string | null;
                registered_at: string;
            };
            data: {
                from: string;
                to: string;
                lines: number;
                fraud_rate: number | null;
                holdout: {
                    from: string;
                    to: string;
                    lines: number;
                } | null;
            };
            features: {
                used: {
                    name: string;
                    kind: string;
                    gain: number;
                    splits: number;
                }[];
                count: number;
                repeat_profile: boolean;
                excluded: {
                    what: string;
                    why: string;
                }[];
            };
            holdout: {
                auc: number | null;
                precision_at_5: number | null;
                precision_at_10: number | null;
                without_repeat: {
                    auc: number | null;
                    precision_at_5: number | null;
                    precision_at_10: number | null;
                } | null;
            } | null;
            later: {
                from: string;
                to: string;
                lines: number;
                labelled: number;
                all: {
                    n: number;
                    frauds: number;
                    auc: number | null;
                    at: {
                        share: number;
                        precision: number;
                        recall: number;
                        /** @description duties at stake of the caught frauds over all frauds' duties at stake */
                        revenue: number;
                    }[];
                } | null;
                /** @description only the lines identical to no earlier inspected declaration (HS6, origin, value, mass) */
                without_repeats: {
                    n: number;
                    frauds: number;
                    auc: number | null;
                    at: {
                        share: number;
                        precision: number;
                        recall: number;
                        /** @description duties at stake of the caught frauds over all frauds' duties at stake */
                        revenue: number;
                    }[];
                } | null;
            } | null;
            bias: {
                share: number;
                by_office: {
                    group: string;
                    n: number;
                    selected: number;
                    selectionRate: number;
                    precision: number | null;
                    fraudRate: number;
                }[];
                by_origin: {
                    group: string;
                    n: number;
                    selected: number;
                    selectionRate: number;
                    precision: number | null;
                    fraudRate: number;
                }[];
                by_importer_size: {
                    group: string;
                    n: number;
                    selected: number;
                    selectionRate: number;
                    precision: number | null;
                    fraudRate: number;
                }[];
            } | null;
            drift: {
                score_psi: number;
                features: {
                    feature: string;
                    psi: number;
                }[];
                baseline_lines: number;
                current_lines: number;
            } | null;
            limits: string[];
        };
        ModelCardInput: {
            card: components["schemas"]["ModelCardContentInput"];
            promotion: {
                /** @enum {string} */
                status: "candidate" | "active" | "retired";
                promoted_by: string | null;
                promoted_at: string | null;
                retired_at: string | null;
            };
        };
        ModelPromotionRequestInput: {
            id: number;
            model_id: number;
            name: string;
            target: string;
            active_model_id: number | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "stale";
            stale: boolean;
            reason: string;
            requested_by: string;
            requested_at: string;
            decided_by: string | null;
            decision_reason: string | null;
            decided_at: string | null;
            /** @description the card's evaluation on the period after training, as shown when asked (later: null if none) */
            evaluation: {
                [key: string]: unknown;
            };
        };
        ReplayRequestInput: {
            model_id?: number;
            from: string;
            to: string;
            exploration_share: number;
            /** @default 0.1 */
            inspection_rate: number;
            /**
             * @default [
             *       "exploit",
             *       "hybrid-random",
             *       "hybrid-uncertainty"
             *     ]
             */
            strategies: ("exploit" | "hybrid-random" | "hybrid-uncertainty" | "random")[];
        };
        ModelReplayInput: {
            id: number;
            job_id: string;
            model_id: number | null;
            from: string;
            to: string;
            exploration_share: number;
            inspection_rate: number;
            strategies: string[];
            lines: number;
            results: {
                /** @enum {string} */
                strategy: "exploit" | "hybrid-random" | "hybrid-uncertainty" | "random";
                precision: number;
                recall: number;
                revenue: number;
                newImporterShare: number;
                finalPrecision: number;
                durationMs: number;
                weeks: {
                    week: number;
                    from: string;
                    lines: number;
                    inspected: number;
                    frauds: number;
                    caught: number;
                    caughtNewImporters: number;
                    dutiesCaught: number;
                    dutiesAll: number;
                    explored: number;
                    caughtByExploration: number;
                    dutiesByExploration: number;
                }[];
            }[];
            created_by: number | null;
            created_at: string;
        };
        ModelVersionInput: {
            id: number;
            name: string;
            /** @enum {string} */
            target: "fraud" | "critical";
            /** @enum {string} */
            status: "candidate" | "active" | "retired";
            trained_from: string;
            trained_to: string;
            n_lines: number;
            trees: number;
            metrics: {
                [key: string]: unknown;
            };
            notes: string | null;
            created_by: number | null;
            created_at: string;
            promoted_at: string | null;
            retired_at: string | null;
        };
        CaseInput: {
            id: number;
            number: string;
            office: string;
            year: number;
            title: string;
            /** @enum {string} */
            type: "customs_offence" | "counterfeiting" | "health_products" | "smuggling" | "undervaluation" | "origin_fraud" | "prohibited_goods" | "money_laundering" | "other";
            /** @enum {string} */
            status: "open" | "investigation" | "offence_report" | "settled" | "prosecuted" | "closed";
            status_reason: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            assignee: string | null;
            /** @enum {string|null} */
            origin_type: "declaration" | "alert" | "osint_item" | "osint_seller" | "graph_entity" | "valuation_finding" | "intelligence" | "manual" | null;
            origin_ref: string | null;
            summary: string | null;
            report_number: string | null;
            opened_by: string;
            opened_at: string;
            updated_at: string;
            closed_at: string | null;
            operation_id: number | null;
            next_statuses: ("open" | "investigation" | "offence_report" | "settled" | "prosecuted" | "closed")[];
        };
        CaseLinkInput: {
            id: number;
            case_id: number;
            /** @enum {string} */
            target_type: "declaration" | "osint_item" | "osint_seller" | "company" | "trademark" | "graph_entity" | "person" | "vehicle" | "premises";
            target_ref: string;
            note: string | null;
            hold_id: number | null;
            added_by: string;
            added_at: string;
        };
        CaseTaskInput: {
            id: number;
            case_id: number;
            title: string;
            assignee: string | null;
            due_on: string | null;
            /** @enum {string} */
            status: "todo" | "done";
            created_by: string;
            created_at: string;
            done_at: string | null;
        };
        CaseNoteInput: {
            id: number;
            case_id: number;
            body: string;
            author: string;
            created_at: string;
        };
        CaseEvidenceInput: {
            id: number;
            case_id: number;
            file_name: string;
            content_type: string;
            bytes: number;
            sha256: string;
            description: string | null;
            added_by: string;
            added_at: string;
        };
        CaseEventInput: {
            id: number;
            at: string;
            actor: string;
            kind: string;
            details: {
                [key: string]: unknown;
            };
        };
        OffenceReportInput: {
            id: number;
            case_id: number;
            number: string;
            version: number;
            /** @enum {string} */
            lang: "fr" | "ar";
            bytes: number;
            sha256: string;
            generated_by: string;
            generated_at: string;
        };
        TaxLossInput: {
            value: number;
            currency: string;
            duty_rate: number;
            /** @enum {string} */
            duty_rate_source: "seizure" | "default";
            vat_rate: number;
            duties: number;
            vat: number;
            total: number;
            unvalued: number;
            seizures?: number;
            method: string;
        };
        SeizureLineInput: {
            line_no: number;
            description: string;
            hs_code: string | null;
            /** @enum {string} */
            category: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
            quantity: number | null;
            unit: string | null;
            net_mass_kg: number | null;
            estimated_value: number | null;
            brand: string | null;
            rights_holder: string | null;
            health_risk: boolean;
        };
        SeizureInput: {
            id: number;
            reference: string;
            case_id: number | null;
            seized_on: string;
            office: string;
            place: string | null;
            city: string | null;
            latitude: number | null;
            longitude: number | null;
            description: string;
            hs_code: string | null;
            /** @enum {string} */
            category: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
            quantity: number | null;
            unit: string | null;
            net_mass_kg: number | null;
            estimated_value: number | null;
            value_method: string | null;
            currency: string;
            brand: string | null;
            rights_holder: string | null;
            health_risk: boolean;
            transport_mode: string | null;
            concealment: string | null;
            /** @enum {string|null} */
            detection_source: "selectivity_rule" | "model" | "random" | "online_monitoring" | "intelligence" | "mutual_assistance" | "operation" | "other" | null;
            officers: string[];
            duty_rate: number | null;
            duties_at_stake: number | null;
            duties_recovered: number | null;
            fines: number | null;
            settlement_amount: number | null;
            /** @enum {string} */
            goods_status: "held" | "destroyed" | "released" | "returned" | "forfeited";
            goods_status_on: string | null;
            operation_id: number | null;
            lines: components["schemas"]["SeizureLineInput"][];
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        TestPurchaseInput: {
            id: number;
            case_id: number;
            platform: string;
            seller_ref: string | null;
            post_url: string | null;
            account_used: string | null;
            ordered_on: string;
            amount_paid: number | null;
            currency: string;
            payment_method: string | null;
            tracking_number: string | null;
            received_on: string | null;
            /** @enum {string} */
            result: "pending" | "counterfeit" | "genuine" | "not_delivered" | "other";
            result_note: string | null;
            evidence_ids: number[];
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        TakedownInput: {
            id: number;
            case_id: number;
            platform: string;
            seller_ref: string | null;
            urls: string[];
            legal_basis: string;
            rights_holder: string | null;
            sent_on: string;
            /** @enum {string} */
            status: "pending" | "accepted" | "refused" | "partial";
            answer: string | null;
            answered_on: string | null;
            taken_down_on: string | null;
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        CaseFiguresInput: {
            filters: {
                from?: string;
                to?: string;
                office?: string;
            };
            totals: {
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
                cases: number;
            };
            seizures_by: {
                month: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                office: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                hs_chapter: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                category: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                brand: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                detection_source: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
            };
            cases_by_status: {
                key: string;
                cases: number;
            }[];
            cases_by_origin: {
                key: string;
                cases: number;
            }[];
            open_cases_by_age_days: {
                key: string;
                cases: number;
            }[];
        };
        OperationInput: {
            id: number;
            code: string;
            name: string;
            starts_on: string;
            ends_on: string;
            participants: string[];
            threat_categories: ("counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other")[];
            coordinator: string | null;
            description: string | null;
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        OperationReportInput: {
            operation: components["schemas"]["OperationInput"];
            totals: {
                cases: number;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
                net_mass_kg: number;
            };
            by_category: {
                key: string;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
            }[];
            quantities: {
                category: string;
                unit: string;
                lines: number;
                quantity: number;
                net_mass_kg: number;
            }[];
            by_participant: {
                key: string;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
            }[];
            by_detection_source: {
                key: string;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
            }[];
            cases_by_type: {
                key: string;
                cases: number;
            }[];
            cases_by_status: {
                key: string;
                cases: number;
            }[];
        };
        GraphNodeInput: {
            id: number;
            type: string;
            key: string;
            label: string;
            hub: boolean;
            depth?: number;
            attributes: {
                [key: string]: unknown;
            };
        };
        GraphEdgeInput: {
            source: number;
            target: number;
            types: string[];
            links: number;
            evidence: {
                link_id: number;
                type: string;
                source_table: string;
                source_id: string;
                first_seen: string | null;
                last_seen: string | null;
                confidence: number;
            }[];
        };
        GraphEntityInput: {
            id: number;
            type: string;
            key: string;
            label: string;
            attributes: {
                [key: string]: unknown;
            };
            merged_into: number | null;
            hub: boolean;
            manual: boolean;
            note: string | null;
            source_table: string | null;
            source_id: string | null;
        };
        GraphEntityDetailInput: {
            entity: components["schemas"]["GraphEntityInput"];
            merged: {
                id: number;
                type: string;
                key: string;
                label: string;
            }[];
            links: {
                total: number;
                limit: number;
                offset: number;
                items: {
                    id: number;
                    type: string;
                    /** @enum {string} */
                    direction: "out" | "in";
                    other: {
                        id: number;
                        type: string;
                        key: string;
                        label: string;
                    };
                    source_table: string;
                    source_id: string;
                    first_seen: string | null;
                    last_seen: string | null;
                    confidence: number;
                    note: string | null;
                    created_by: string | null;
                }[];
            };
        };
        GraphHubInput: {
            id: number;
            type: string;
            key: string;
            label: string;
            degree: number;
            excluded: boolean;
            updated_at: string;
        };
        GraphExclusionInput: {
            type: string;
            key: string;
            note: string;
            created_by: string;
            created_at: string;
        };
        GraphNetworkSummaryInput: {
            id: number;
            name: string;
            note: string;
            start_key: string | null;
            created_by: string;
            created_at: string;
        };
        GraphSavedNodeInput: {
            id: number;
            type: string;
            key: string;
            label: string;
            hub: boolean;
            depth?: number;
            attributes: {
                [key: string]: unknown;
            };
            x: number;
            y: number;
            pinned: boolean;
        };
        GraphNetworkInput: {
            id: number;
            name: string;
            note: string;
            start_key: string | null;
            created_by: string;
            created_at: string;
            filters: {
                types?: string[];
                link_types?: string[];
                since?: string;
                until?: string;
                depth?: number;
            };
            nodes: components["schemas"]["GraphSavedNodeInput"][];
            edges: components["schemas"]["GraphEdgeInput"][];
            merged: number;
            truncated: boolean;
        };
        GraphSuggestionInput: {
            id: number;
            score: number;
            reasons: string[];
            /** @enum {string} */
            status: "open" | "accepted" | "rejected";
            a: {
                id: number;
                type: string;
                key: string;
                label: string;
            };
            b: {
                id: number;
                type: string;
                key: string;
                label: string;
            };
            decided_by: string | null;
            decided_at: string | null;
            note: string | null;
        };
        GraphNeighbourhoodInput: {
            center: components["schemas"]["GraphNodeInput"];
            nodes: components["schemas"]["GraphNodeInput"][];
            edges: components["schemas"]["GraphEdgeInput"][];
            truncated: boolean;
        };
        GraphPathInput: {
            from: components["schemas"]["GraphNodeInput"];
            to: components["schemas"]["GraphNodeInput"];
            found: boolean;
            length: number | null;
            nodes: components["schemas"]["GraphNodeInput"][];
            steps: components["schemas"]["GraphEdgeInput"][];
            explored: number;
            truncated: boolean;
        };
        GraphCommunitiesInput: {
            communities: {
                id: number;
                size: number;
                types: {
                    [key: string]: number;
                };
                members: {
                    id: number;
                    type: string;
                    key: string;
                    label: string;
                    hub: boolean;
                    depth?: number;
                    attributes: {
                        [key: string]: unknown;
                    };
                    degree: number;
                }[];
            }[];
            components: {
                count: number;
                largest: number;
            };
            nodes: number;
            links: number;
            modularity: number | null;
            truncated: boolean;
        };
        SharingPartnerInput: {
            id: number;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "customs_administration" | "national_agency";
            country: string;
            public_key: string;
            key_id: string;
            endpoint_url: string | null;
            active: boolean;
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        AssistanceRequestInput: {
            id: number;
            number: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            partner: string;
            partner_name: string;
            partner_reference: string | null;
            legal_basis: string;
            subject: string;
            questions: string;
            deadline: string | null;
            /** @enum {string} */
            status: "draft" | "sent" | "answered" | "closed" | "refused" | "withdrawn";
            status_reason: string | null;
            sent_on: string | null;
            answer: string | null;
            answered_on: string | null;
            overdue: boolean;
            next_statuses: ("draft" | "sent" | "answered" | "closed" | "refused" | "withdrawn")[];
            subjects: {
                /** @enum {string} */
                ref_type: "graph_entity" | "declaration" | "case";
                ref: string;
            }[];
            reminders: {
                reminded_on: string;
                note: string | null;
                created_by: string;
                created_at: string;
            }[];
            created_by: string;
            created_at: string;
            updated_at: string;
            closed_at: string | null;
        };
        SharingGroupInput: {
            id: number;
            code: string;
            name: string;
            description: string | null;
            nominal_data_allowed: boolean;
            created_by: string;
            created_at: string;
            updated_at: string;
            members: {
                /** @enum {string} */
                member_type: "partner" | "office";
                ref: string;
                name: string | null;
                /** @enum {string} */
                role: "coordinator" | "member" | "observer";
                added_by: string;
                added_at: string;
            }[];
        };
        SharingMessageInput: {
            id: number;
            message_id: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            partner: string | null;
            group: string | null;
            /** @enum {string} */
            kind: "warning" | "seizure_report" | "request" | "feedback";
            /** @enum {string} */
            distribution: "installation" | "group" | "connected_groups";
            /** @enum {string} */
            marking: "clear" | "green" | "amber" | "amber+strict" | "red";
            title: string;
            payload: {
                [key: string]: unknown;
            };
            payload_sha256: string;
            nominal: boolean;
            source_type: string | null;
            source_ref: string | null;
            sender_key_id: string;
            sent_at: string;
            signature: string;
            recorded_by: string;
            recorded_at: string;
        };
        SharingEnvelopeInput: {
            /** @enum {number} */
            v: 1;
            message_id: string;
            sender: string;
            sent_at: string;
            /** @enum {string} */
            kind: "warning" | "seizure_report" | "request" | "feedback";
            /** @enum {string} */
            distribution: "installation" | "group" | "connected_groups";
            /** @enum {string} */
            marking: "clear" | "green" | "amber" | "amber+strict" | "red";
            group: string | null;
            title: string;
            payload_sha256: string;
            payload: {
                [key: string]: unknown;
            };
            signature: string;
        };
        SharingLedgerEntryInput: {
            seq: number;
            at: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            partner: string | null;
            group: string | null;
            message_id: string;
            sent_at: string;
            kind: string;
            distribution: string;
            marking: string;
            title: string;
            payload_sha256: string;
            message_signer: string;
            message_signature: string;
            prev_hash: string;
            key_id: string;
            hash: string;
            signature: string;
        };
        SharingLedgerCheckpointInput: {
            from_seq: number;
            to_seq: number;
            root: string;
            at: string;
            key_id: string;
            signature: string;
        };
        StixBundleInput: {
            /** @enum {string} */
            type: "bundle";
            id: string;
            objects: ({
                type: string;
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        ParcelsDashboardInput: {
            from: string;
            to: string;
            /** @description calendar days in the period */
            days: number;
            totals: {
                /** @description parcels arriving in the period */
                arrived: number;
                /** @description of those, parcels with a pre-arrival score */
                scored: number;
                /** @description scored parcels referred for control (red or yellow) */
                referred: number;
                red: number;
                yellow: number;
                /** @description parcels flagged as part of a split order */
                split_order_parcels: number;
                /** @description the split orders those parcels make */
                split_orders: number;
                /** @description parcels whose recipient's contact is linked to an online seller */
                linked_online_seller: number;
                /** @description parcels with an inspection outcome in force */
                inspected: number;
                /** @description inspected parcels found in fraud */
                fraud: number;
                /** @description assigned parcels not inspected yet whose arrival day is today or past */
                pending: number;
            };
            frauds_by_type: {
                /** @enum {string} */
                fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | "unknown";
                parcels: number;
            }[];
            by_office: {
                /** @description parcels arriving in the period */
                arrived: number;
                /** @description of those, parcels with a pre-arrival score */
                scored: number;
                /** @description scored parcels referred for control (red or yellow) */
                referred: number;
                red: number;
                yellow: number;
                /** @description parcels flagged as part of a split order */
                split_order_parcels: number;
                /** @description the split orders those parcels make */
                split_orders: number;
                /** @description parcels whose recipient's contact is linked to an online seller */
                linked_online_seller: number;
                /** @description parcels with an inspection outcome in force */
                inspected: number;
                /** @description inspected parcels found in fraud */
                fraud: number;
                /** @description assigned parcels not inspected yet whose arrival day is today or past */
                pending: number;
                office: string;
            }[];
            examiners: {
                assigned: number;
                inspected: number;
                pending: number;
                fraud: number;
                /** @description parcels inspected per calendar day of the period */
                inspected_per_day: number;
                days: {
                    day: string;
                    assigned: number;
                    inspected: number;
                }[];
                examiner_id: number;
                username: string;
                name: string;
                office: string;
                active: boolean;
            }[];
            offices: {
                assigned: number;
                inspected: number;
                pending: number;
                fraud: number;
                /** @description parcels inspected per calendar day of the period */
                inspected_per_day: number;
                days: {
                    day: string;
                    assigned: number;
                    inspected: number;
                }[];
                office: string;
                examiners: number;
            }[];
        };
        ParcelExaminerInput: {
            id: number;
            username: string;
            name: string;
            office: string;
            hs_prefixes: string[];
            kinds: ("postal" | "express")[];
            indicators: ("split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model")[];
            daily_capacity: number;
            active: boolean;
        };
        ParcelInspectionInput: {
            parcel_id: number;
            /** @description the examiner the parcel is assigned to (or who recorded it when unassigned) */
            examiner: string;
            /** @enum {string} */
            result: "compliant" | "fraud" | "not_found";
            /** @enum {string|null} */
            fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
            found_value: number | null;
            found_currency: string | null;
            note: string | null;
            inspected_at: string;
            /** @description who recorded it: the examiner, or a supervisor for them */
            recorded_by: string;
            recorded_at: string;
        };
        ParcelInspectionReplacedInput: {
            parcel_id: number;
            /** @description the examiner the parcel is assigned to (or who recorded it when unassigned) */
            examiner: string;
            /** @enum {string} */
            result: "compliant" | "fraud" | "not_found";
            /** @enum {string|null} */
            fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
            found_value: number | null;
            found_currency: string | null;
            note: string | null;
            inspected_at: string;
            /** @description who recorded it: the examiner, or a supervisor for them */
            recorded_by: string;
            recorded_at: string;
            /** @description why it was corrected */
            reason: string;
            corrected_by: string;
            corrected_at: string;
        };
        ParcelModelInput: {
            id: number;
            name: string;
            version: string;
            /** @description first arrival day of the training parcels */
            from: string;
            /** @description last arrival day of the training parcels */
            to: string;
            /** @description parcels with an outcome (fraud or compliant) it learnt from */
            parcels: number;
            frauds: number;
            /** @description holdout: the latest arrivals held out (from, to, parcels, frauds, auc, referral_rate, precision_at_referral, base_rate, trees); duration_ms */
            metrics: {
                [key: string]: unknown;
            };
            active: boolean;
            trained_by: string;
            trained_at: string;
            activated_by: string | null;
            activated_at: string | null;
        };
        ParcelInput: {
            id: number;
            carrier: string;
            consignment_number: string;
            /** @enum {string} */
            kind: "postal" | "express";
            master_manifest: string | null;
            sender_name: string;
            sender_address: string | null;
            sender_country: string;
            sender_platform: string | null;
            recipient_name: string;
            recipient_address: string | null;
            recipient_city: string | null;
            recipient_phone: string | null;
            recipient_email: string | null;
            description: string;
            declared_value: number;
            currency: string;
            value_eur: number;
            weight_kg: number | null;
            hs_code: string | null;
            item_count: number;
            arrival_date: string;
            arrival_office: string;
            score: number | null;
            /** @enum {string|null} */
            channel: "red" | "yellow" | "green" | null;
            referred: boolean;
            scored_at: string | null;
        };
        ParcelDetailInput: {
            id: number;
            carrier: string;
            consignment_number: string;
            /** @enum {string} */
            kind: "postal" | "express";
            master_manifest: string | null;
            sender_name: string;
            sender_address: string | null;
            sender_country: string;
            sender_platform: string | null;
            recipient_name: string;
            recipient_address: string | null;
            recipient_city: string | null;
            recipient_phone: string | null;
            recipient_email: string | null;
            description: string;
            declared_value: number;
            currency: string;
            value_eur: number;
            weight_kg: number | null;
            hs_code: string | null;
            item_count: number;
            arrival_date: string;
            arrival_office: string;
            score: number | null;
            /** @enum {string|null} */
            channel: "red" | "yellow" | "green" | null;
            referred: boolean;
            scored_at: string | null;
            reasons: {
                /** @enum {string} */
                indicator: "split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model";
                points: number;
                message: string;
                evidence: {
                    [key: string]: unknown;
                };
            }[];
            import_id: number | null;
            seizure: {
                id: number;
                reference: string;
                seized_on: string;
            } | null;
            assignment: {
                examiner_id: number;
                username: string;
                name: string;
                basis: string;
                reason: string;
            } | null;
            /** @description what its examiner found, once inspected */
            inspection: components["schemas"]["ParcelInspectionInput"] | null;
            /** @description the outcomes corrections replaced, oldest first */
            inspection_history: components["schemas"]["ParcelInspectionReplacedInput"][];
        };
        ParcelSettingsInput: {
            threshold_eur: number;
            window_days: number;
            referral_score: number;
            red_score: number;
        };
        ParcelScoreRunInput: {
            run_id: number;
            from: string;
            to: string;
            parcels: number;
            referred: number;
            red: number;
            split_orders: number;
            split_order_parcels: number;
            goods_wording: number;
            linked_online_seller: number;
            repeat_sender: number;
            /** @description parcels whose sender had fraud found by an examiner in an earlier parcel */
            repeat_sender_fraud: number;
            /** @description the parcel model whose term was added (the active one); null: none is active */
            model: {
                name: string;
                version: string;
            } | null;
            settings: components["schemas"]["ParcelSettingsInput"];
        };
        ParcelExaminerWorkloadInput: {
            examiner_id: number;
            username: string;
            name: string;
            office: string;
            daily_capacity: number;
            active: boolean;
            assigned: number;
            manual: number;
            /** @description assigned parcels linked to a seizure of their goods */
            seized: number;
            /** @description assigned parcels with a recorded outcome */
            inspected: number;
            /** @description inspected parcels found in fraud */
            fraud: number;
            /** @description assigned parcels not inspected yet whose arrival day is today or past */
            pending: number;
            days: {
                day: string;
                assigned: number;
                inspected: number;
            }[];
        };
        ParcelListItemInput: {
            id: number;
            carrier: string;
            consignment_number: string;
            /** @enum {string} */
            kind: "postal" | "express";
            master_manifest: string | null;
            sender_name: string;
            sender_address: string | null;
            sender_country: string;
            sender_platform: string | null;
            recipient_name: string;
            recipient_address: string | null;
            recipient_city: string | null;
            recipient_phone: string | null;
            recipient_email: string | null;
            description: string;
            declared_value: number;
            currency: string;
            value_eur: number;
            weight_kg: number | null;
            hs_code: string | null;
            item_count: number;
            arrival_date: string;
            arrival_office: string;
            score: number | null;
            /** @enum {string|null} */
            channel: "red" | "yellow" | "green" | null;
            referred: boolean;
            scored_at: string | null;
            /** @description the indicators of the parcel's reasons, largest first (empty when none fired) */
            indicators: ("split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model")[];
            /** @description the name of the examiner it is assigned to */
            examiner: string | null;
        };
        Error: {
            /** @description Stable error code, e.g. declaration.not_found */
            code: string;
            message: string;
            details?: unknown;
        };
        SessionUser: {
            id: number;
            username: string;
            display_name: string;
            roles: ("admin" | "analyst" | "officer" | "investigator" | "liaison" | "auditor")[];
            office_code: string | null;
            permissions: string[];
        };
        DeclarationSummary: {
            id: number;
            reference: string;
            office: string;
            lodged_on: string;
            procedure: string | null;
            importer_code: string | null;
            declarant_code: string | null;
            seller_code: string | null;
            currency: string | null;
            item_count: number;
            total_value: number;
            inspected_items: number;
            fraud_items: number;
            critical_items: number;
        };
        InspectionOutcome: {
            id: number;
            inspected_on: string | null;
            /** @enum {string|null} */
            channel: "green" | "yellow" | "red" | "blue" | null;
            /** @enum {string} */
            result: "compliant" | "fraud" | "critical";
            fraud_type: string | null;
            recovered_amount: number | null;
            officer: string | null;
            note: string | null;
            /** @enum {string} */
            source: "import" | "officer";
            recorded_at: string;
        };
        Declaration: {
            id: number;
            reference: string;
            office: {
                code: string;
                name: string | null;
            };
            lodged_on: string;
            procedure: string | null;
            transport_mode: string | null;
            departure_country: string | null;
            currency: string | null;
            attributes: {
                [key: string]: string;
            };
            item_count: number;
            total_value: number;
            import_id: number | null;
            created_at: string;
            parties: {
                importer: {
                    code: string;
                    name: string | null;
                } | null;
                declarant: {
                    code: string;
                    name: string | null;
                } | null;
                seller: {
                    code: string;
                    name: string | null;
                    country: string | null;
                } | null;
                courier: {
                    code: string;
                    name: string | null;
                } | null;
            };
            items: {
                id: number;
                line_no: number;
                hs_code: string;
                description: string | null;
                origin_country: string | null;
                quantity: number | null;
                quantity_unit: string | null;
                net_mass_kg: number | null;
                customs_value: number;
                duty_rate: number | null;
                tax_type: string | null;
                origin_indicator: string | null;
                outcomes: components["schemas"]["InspectionOutcome"][];
            }[];
        };
        DeclarationStats: {
            declarations: number;
            items: number;
            outcomes: number;
            inspected_items: number;
            fraud_items: number;
            critical_items: number;
            importers: number;
            declarants: number;
            sellers: number;
            couriers: number;
            offices: number;
            imports: number;
            first_lodged_on: string | null;
            last_lodged_on: string | null;
        };
        ImportRun: {
            id: number;
            kind: string;
            file_name: string;
            file_sha256: string | null;
            file_bytes: number | null;
            format: string;
            profile: string;
            /** @enum {string} */
            mode: "atomic" | "skip_invalid";
            rows_read: number;
            rows_rejected: number;
            counts: {
                [key: string]: number;
            };
            started_at: string;
            finished_at: string | null;
            started_by: string | null;
        };
        Job: {
            id: string;
            kind: string;
            title: string;
            /** @enum {string} */
            state: "queued" | "running" | "retrying" | "completed" | "failed" | "cancelled";
            params: {
                [key: string]: unknown;
            };
            done: number;
            total: number | null;
            unit: string | null;
            message: string | null;
            result: unknown;
            error: string | null;
            attempts: number;
            cancel_requested: boolean;
            created_by: number | null;
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
            updated_at: string;
            rate: number | null;
            eta_seconds: number | null;
            stalled: boolean;
        };
        InlineDeclaration: {
            reference: string;
            office: string;
            lodged_on: string;
            procedure?: string | null;
            transport_mode?: string | null;
            departure_country?: string | null;
            currency?: string | null;
            declarant_code?: string | null;
            importer_code?: string | null;
            importer_name?: string | null;
            seller_code?: string | null;
            seller_name?: string | null;
            seller_country?: string | null;
            courier_code?: string | null;
            attributes?: {
                [key: string]: string;
            };
            items: {
                line_no: number;
                hs_code: string;
                description?: string | null;
                origin_country?: string | null;
                quantity?: number | null;
                quantity_unit?: string | null;
                net_mass_kg?: number | null;
                customs_value: number;
                duty_rate?: number | null;
                tax_type?: string | null;
                origin_indicator?: string | null;
            }[];
        };
        ReferenceValue: {
            /** @enum {string} */
            level: "hs6_origin" | "hs6" | "hs4";
            hs: string;
            origin: string;
            /** @enum {string} */
            unit: "kg" | "item";
            currency: string;
            window_from: string;
            window_to: string;
            n: number;
            median: number;
            q1: number;
            q3: number;
            p10: number;
            p90: number;
            mad: number;
            log_median: number;
            log_mad: number;
            excluded_outliers: number;
            built_at: string;
        };
        ValuationFinding: {
            /** @enum {string} */
            level: "hs6_origin" | "hs6" | "hs4";
            hs: string;
            origin: string;
            /** @enum {string} */
            unit: "kg" | "item";
            currency: string;
            sample_n: number;
            window_from: string;
            window_to: string;
            reference_median: number;
            reference_q1: number;
            reference_p10: number;
            unit_value: number;
            divisor: number;
            ratio: number;
            robust_z: number;
            undervaluation_amount: number;
            duty_rate: number | null;
            duties_at_stake: number;
            flagged: boolean;
        };
        StoredValuationFinding: {
            id: number;
            item_id: number;
            declaration_id: number;
            reference: string;
            office: string;
            lodged_on: string;
            line_no: number;
            hs_code: string;
            level: string;
            hs: string;
            origin: string;
            unit: string;
            currency: string;
            sample_n: number;
            window_from: string;
            window_to: string;
            reference_median: number;
            reference_p10: number;
            reference_q1: number;
            unit_value: number;
            ratio: number;
            robust_z: number | null;
            undervaluation_amount: number;
            duty_rate: number | null;
            duties_at_stake: number;
            /** @enum {string} */
            status: "open" | "confirmed" | "dismissed";
            justification: string | null;
            decided_by: string | null;
            decided_at: string | null;
            created_at: string;
            updated_at: string;
        };
        Company: {
            company_id: string;
            name: string;
            legal_form: string | null;
            created_on: string | null;
            capital: number | null;
            address: string | null;
            city: string | null;
            activity: string | null;
            phone: string | null;
            managers: string[];
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        Manifest: {
            id: number;
            document_number: string;
            document_type: string;
            carrier: string | null;
            vessel_or_flight: string | null;
            port_of_loading: string | null;
            port_of_discharge: string | null;
            arrival_date: string | null;
            consignee_code: string | null;
            consignee_name: string | null;
            goods_description: string | null;
            packages: number | null;
            gross_mass_kg: number | null;
            containers: string[];
            declaration_reference: string | null;
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        FxPayment: {
            id: number;
            payment_reference: string;
            importer_code: string;
            paid_on: string;
            amount: number;
            currency: string;
            beneficiary_name: string | null;
            beneficiary_country: string | null;
            bank: string | null;
            declaration_reference: string | null;
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        Trademark: {
            id: number;
            brand: string;
            owner: string;
            registration_number: string | null;
            owner_country: string | null;
            nice_classes: number[];
            registered_on: string | null;
            expires_on: string | null;
            import_id: number | null;
            created_at: string;
            updated_at: string;
        };
        Overview: {
            totals: {
                declarations: number;
                items: number;
                inspected_items: number;
                fraud_items: number;
                critical_items: number;
                recovered_amount: number;
            };
            last_day: {
                date: string | null;
                declarations: number;
                inspected_items: number;
                fraud_items: number;
            };
            per_month: {
                month: string;
                declarations: number;
                inspected_items: number;
                fraud_items: number;
            }[];
            by_result: {
                result: string;
                items: number;
            }[];
            by_office: {
                office: string;
                declarations: number;
                fraud_items: number;
            }[];
            top_chapters: {
                chapter: string;
                inspected_items: number;
                fraud_items: number;
                fraud_rate: number;
            }[];
        };
        RiskProfileDiff: {
            from: {
                id: number;
                name: string;
                version: number;
                status: string;
            } | null;
            to: {
                id: number;
                name: string;
                version: number;
                status: string;
            };
            diff: {
                description: {
                    field: string;
                    old: unknown;
                    new: unknown;
                } | null;
                scoring: {
                    field: string;
                    old: unknown;
                    new: unknown;
                }[];
                rules: {
                    added: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    removed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    changed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                        fields: {
                            field: string;
                            old: unknown;
                            new: unknown;
                        }[];
                    }[];
                    unchanged: number;
                };
            };
        };
        RiskActivationRequest: {
            id: number;
            profile_id: number;
            name: string;
            version: number;
            author: string;
            active_profile_id: number | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "stale";
            /** @description pending, but another version was activated or retired since: approval will fail */
            stale: boolean;
            reason: string;
            requested_by: string;
            requested_at: string;
            decided_by: string | null;
            decision_reason: string | null;
            decided_at: string | null;
            backtest: {
                job_id: string;
                finished_at: string;
                from: string;
                to: string;
                days: number;
                candidate: {
                    items: number;
                    selected_items: number;
                    share: number | null;
                    inspected: number;
                    frauds: number;
                    hit_rate: number | null;
                    recall: number | null;
                    duties_recovered: number;
                    duties_at_stake: number;
                };
                active: {
                    profiles: string[];
                    figures: {
                        items: number;
                        selected_items: number;
                        share: number | null;
                        inspected: number;
                        frauds: number;
                        hit_rate: number | null;
                        recall: number | null;
                        duties_recovered: number;
                        duties_at_stake: number;
                    };
                } | null;
            };
        };
        RiskActivationRequestDetail: {
            id: number;
            profile_id: number;
            name: string;
            version: number;
            author: string;
            active_profile_id: number | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "stale";
            /** @description pending, but another version was activated or retired since: approval will fail */
            stale: boolean;
            reason: string;
            requested_by: string;
            requested_at: string;
            decided_by: string | null;
            decision_reason: string | null;
            decided_at: string | null;
            backtest: {
                job_id: string;
                finished_at: string;
                from: string;
                to: string;
                days: number;
                candidate: {
                    items: number;
                    selected_items: number;
                    share: number | null;
                    inspected: number;
                    frauds: number;
                    hit_rate: number | null;
                    recall: number | null;
                    duties_recovered: number;
                    duties_at_stake: number;
                };
                active: {
                    profiles: string[];
                    figures: {
                        items: number;
                        selected_items: number;
                        share: number | null;
                        inspected: number;
                        frauds: number;
                        hit_rate: number | null;
                        recall: number | null;
                        duties_recovered: number;
                        duties_at_stake: number;
                    };
                } | null;
            };
            from: {
                id: number;
                name: string;
                version: number;
                status: string;
            } | null;
            to: {
                id: number;
                name: string;
                version: number;
                status: string;
            };
            diff: {
                description: {
                    field: string;
                    old: unknown;
                    new: unknown;
                } | null;
                scoring: {
                    field: string;
                    old: unknown;
                    new: unknown;
                }[];
                rules: {
                    added: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    removed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                    }[];
                    changed: {
                        id: string;
                        title: string | {
                            en: string;
                            fr: string;
                            ar?: string;
                        };
                        fields: {
                            field: string;
                            old: unknown;
                            new: unknown;
                        }[];
                    }[];
                    unchanged: number;
                };
            };
        };
        Attachment: {
            id: number;
            reference: string;
            outcome_id: number | null;
            /** @enum {string} */
            kind: "photo" | "document";
            content_type: string;
            file_name: string;
            bytes: number;
            sha256: string;
            note: string | null;
            added_by: string;
            added_at: string;
        };
        RiskBacktestRow: {
            job_id: string;
            finished_at: string | null;
            created_by: number | null;
            profile_id: number;
            profile: string;
            from: string;
            to: string;
            items: number;
            selected_items: number;
            share: number | null;
            inspected: number;
            frauds: number;
            precision: number | null;
            recall: number | null;
            duties_recovered: number;
            active_precision: number | null;
            active_recall: number | null;
        };
        Campaign: {
            id: number;
            name: string;
            description: string | null;
            hs_prefixes: string[];
            keywords: string[];
            origins: string[];
            date_from: string | null;
            date_to: string | null;
            /** @enum {string} */
            status: "active" | "closed";
            owner: string;
            created_by: string | null;
            created_at: string;
        };
        PreArrivalReferral: {
            source: string;
            id: number;
            reference: string;
            office: string;
            arrival_date: string;
            score: number;
            /** @enum {string} */
            channel: "red" | "yellow";
            explanation: {
                indicator: string;
                points: number;
                message: string;
            }[];
            assigned_to: string | null;
            link: string;
            /** @enum {boolean} */
            pre_arrival: true;
        };
        RiskRule: {
            id: string;
            title: string | {
                en: string;
                fr: string;
                ar?: string;
            };
            rationale: string | {
                en: string;
                fr: string;
                ar?: string;
            };
            instructions?: string | {
                en: string;
                fr: string;
                ar?: string;
            };
            intelligence?: string;
            enabled: boolean;
            critical: boolean;
            probability?: number;
            when: unknown;
            effect: {
                points: number;
                channel?: ("green" | "yellow" | "red" | "blue") | {
                    [key: string]: number;
                };
                tags: string[];
                campaign?: string;
            };
        };
        RiskProfileSummary: {
            id: number;
            name: string;
            version: number;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            author: string;
            reason: string;
            valid_from: string | null;
            valid_to: string | null;
            created_at: string;
            activated_at: string | null;
            activated_by: string | null;
            retired_at: string | null;
            retired_by: string | null;
            rules: number;
        };
        RiskProfile: {
            id: number;
            name: string;
            version: number;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            author: string;
            reason: string;
            valid_from: string | null;
            valid_to: string | null;
            created_at: string;
            activated_at: string | null;
            activated_by: string | null;
            retired_at: string | null;
            retired_by: string | null;
            rules: number;
            document: {
                description?: string;
                scoring: {
                    [key: string]: unknown;
                };
                rules: components["schemas"]["RiskRule"][];
            };
            source_text: string | null;
        };
        RiskScore: {
            reference: string;
            office: string;
            lodged_on: string;
            stored: boolean;
            profiles: {
                id: number;
                name: string;
                version: number;
            }[];
            model: string | null;
            score: number;
            probability: number;
            expected_value: number;
            critical: boolean;
            /** @enum {string} */
            indicative_channel: "green" | "yellow" | "red" | "blue";
            forced: {
                /** @enum {string} */
                channel: "green" | "yellow" | "red" | "blue";
                rule_id: string;
                profile: string;
                line_no: number;
            } | null;
            breakdown: {
                source: string;
                id: string;
                points: number;
            }[];
            items: {
                item_id: number | null;
                line_no: number;
                score: number;
                probability: number;
                stake: number;
                expected_value: number;
                critical: boolean;
                breakdown: {
                    source: string;
                    id: string;
                    points: number;
                }[];
                hits: {
                    profile: string;
                    version: number;
                    rule_id: string;
                    title: string | {
                        en: string;
                        fr: string;
                        ar?: string;
                    };
                    points: number;
                    /** @enum {string|null} */
                    channel: "green" | "yellow" | "red" | "blue" | null;
                    critical: boolean;
                    tags: string[];
                    probability: number;
                    values: {
                        subject: string;
                        /** @enum {string} */
                        kind: "field" | "indicator";
                        value: unknown;
                        evidence?: {
                            [key: string]: unknown;
                        };
                    }[];
                }[];
                forced: {
                    /** @enum {string} */
                    channel: "green" | "yellow" | "red" | "blue";
                    rule_id: string;
                    profile: string;
                } | null;
                tags: string[];
                finding: components["schemas"]["ValuationFinding"] | null;
                model: {
                    name: string;
                    probability: number;
                    reasons: {
                        en: string;
                        fr: string;
                        ar: string;
                        feature?: string;
                        contribution?: number;
                    }[];
                    anomaly?: {
                        score: number;
                        percentile: number;
                        reasons: {
                            en: string;
                            fr: string;
                            ar: string;
                            feature?: string;
                            contribution?: number;
                        }[];
                    } | null;
                } | null;
            }[];
            explanation: {
                en: string;
                fr: string;
                ar: string;
            };
        };
        SelectionRun: {
            run_id: number;
            office: string;
            day: string;
            seed: string;
            profiles: {
                id: number;
                name: string;
                version: number;
            }[];
            model: string | null;
            declarations: number;
            items: number;
            /** @enum {string} */
            unit: "items" | "minutes";
            budget: number;
            used: number;
            selected_items: number;
            random_items: number;
            random_share: number;
            /** @description the capacity's split in its unit: random share, red slots, yellow slots */
            slots: {
                random: number;
                red: number;
                yellow: number;
            };
            /** @description the profile's minimum scores for red and yellow */
            minimum_score: {
                red: number;
                yellow: number;
            };
            over_capacity: boolean;
            counts: {
                [key: string]: number;
            };
            decisions: {
                id: number;
                reference: string;
                /** @enum {string} */
                channel: "green" | "yellow" | "red" | "blue";
                basis: string;
                score: number;
                rank: number | null;
            }[];
        };
        RiskDecisionSummary: {
            id: number;
            reference: string;
            office: string;
            lodged_on: string;
            run_id: number | null;
            /** @enum {string} */
            channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            initial_channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            basis: "forced" | "ranked" | "random" | "deferred" | "none";
            score: number;
            probability: number;
            expected_value: number;
            rank: number | null;
            decided_at: string;
        };
        RiskDecision: {
            id: number;
            reference: string;
            office: string;
            lodged_on: string;
            run_id: number | null;
            /** @enum {string} */
            channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            initial_channel: "green" | "yellow" | "red" | "blue";
            /** @enum {string} */
            basis: "forced" | "ranked" | "random" | "deferred" | "none";
            score: number;
            probability: number;
            expected_value: number;
            rank: number | null;
            profile_versions: {
                id: number;
                name: string;
                version: number;
            }[];
            breakdown: {
                source: string;
                id: string;
                points: number;
            }[];
            explanation: {
                en: string;
                fr: string;
                ar: string;
            };
            decided_by: string | null;
            decided_at: string;
            superseded_at: string | null;
            items: {
                item_id: number;
                line_no: number;
                score: number;
                probability: number;
                expected_value: number;
                breakdown: {
                    source: string;
                    id: string;
                    points: number;
                }[];
                tags: string[];
                indicators: {
                    [key: string]: unknown;
                };
                anomaly: {
                    score: number;
                    percentile: number;
                    reasons: {
                        en: string;
                        fr: string;
                        ar: string;
                        feature?: string;
                        contribution?: number;
                    }[];
                } | null;
                hits: {
                    profile: string;
                    version: number;
                    rule_id: string;
                    points: number;
                    /** @enum {string|null} */
                    channel: "green" | "yellow" | "red" | "blue" | null;
                    critical: boolean;
                }[];
                outcomes: {
                    id: number;
                    result: string;
                    fraud_type: string | null;
                    recovered_amount: number | null;
                    officer: string | null;
                    source: string;
                    inspected_on: string | null;
                    channel: string | null;
                    note: string | null;
                    /** @description the outcome that corrects this one, if any */
                    corrected_by: number | null;
                    /** @description when this outcome corrects another: which, why, who and when */
                    correction: {
                        of: number;
                        reason: string;
                        officer: string;
                        at: string;
                    } | null;
                }[];
            }[];
            overrides: {
                id: number;
                /** @enum {string} */
                from_channel: "green" | "yellow" | "red" | "blue";
                /** @enum {string} */
                to_channel: "green" | "yellow" | "red" | "blue";
                reason: string;
                officer: string;
                at: string;
            }[];
        };
        Watchlist: {
            id: number;
            name: string;
            /** @enum {string} */
            type: "trader" | "declarant" | "seller" | "hs_code" | "country" | "transport_document";
            description: string | null;
            owner: string;
            expires_on: string | null;
            created_by: string | null;
            created_at: string;
            entries: number;
        };
        AuditEntry: {
            seq: number;
            at: string;
            actor_id: number | null;
            actor: string;
            ip: string | null;
            action: string;
            target_type: string | null;
            target_id: string | null;
            before: unknown;
            after: unknown;
            details: unknown;
            prev_hash: string;
            hash: string;
            /** @description the audit key that sealed the entry (its id, never the key) */
            key_id: string | null;
            seal: string | null;
        };
        AuditVerifyReport: {
            ok: boolean;
            checked: number;
            /** @description entries whose seal was checked with the audit key */
            sealed: number;
            /** @description entries without a seal (written before sealing began) */
            unsealed: number;
            /** @description whether the audit key was at hand to check seals */
            keyed: boolean;
            head: {
                seq: number;
                hash: string;
            } | null;
            checkpoint: {
                seq: number;
                at: string;
            } | null;
            /** @description every problem, in order (the first 200) */
            problems: {
                seq: number;
                /** @enum {string} */
                kind: "altered" | "broken_link" | "forged" | "unsealed" | "unknown_key" | "wrong_head" | "checkpoint";
                message: string;
            }[];
            problem_count: number;
            /** @description the first problem */
            problem?: {
                seq: number;
                /** @enum {string} */
                kind: "altered" | "broken_link" | "forged" | "unsealed" | "unknown_key" | "wrong_head" | "checkpoint";
                message: string;
            };
        };
        LegalHold: {
            id: number;
            target_type: string;
            target_id: string;
            reason: string;
            placed_by: string;
            placed_at: string;
            released_by: string | null;
            released_at: string | null;
        };
        SearchHit: {
            kind: string;
            id: string;
            title: string;
            subtitle: string | null;
            /** @description the workbench path that opens the record */
            link: string;
            /** @description the field that matched: reference, name, code, phone, email, url, container… */
            matched: string;
        };
        SearchAnswer: {
            /** @description the text searched, cleaned */
            q: string;
            groups: {
                kind: string;
                hits: components["schemas"]["SearchHit"][];
            }[];
        };
        OsintAlert: {
            id: number;
            /** @enum {string} */
            kind: "post" | "seller" | "watchlist";
            /** @enum {string} */
            status: "open" | "confirmed" | "dismissed" | "case_opened";
            /** @enum {string|null} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            score: number | null;
            reason: string;
            created_at: string;
            decided_at: string | null;
            decided_by: string | null;
            /** @enum {string|null} */
            decision_label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            note: string | null;
            item: {
                id: number;
                title: string | null;
                text: string;
                url: string | null;
                platform: string | null;
                author: string | null;
                /** @enum {string} */
                label: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
                score: number;
                reposts: number;
            } | null;
            seller: {
                id: number;
                display_name: string;
                score: number;
                item_count: number;
            } | null;
            watch_term: {
                id: number;
                /** @enum {string} */
                kind: "brand" | "product" | "keyword" | "phone";
                value: string;
            } | null;
        };
        OsintEvidence: {
            id: number;
            source_id: number | null;
            run_id: number | null;
            /** @enum {string} */
            method: "http" | "file" | "manual";
            url: string;
            final_url: string | null;
            fetched_at: string;
            http_status: number | null;
            http_headers: {
                [key: string]: unknown;
            };
            content_type: string | null;
            bytes: number;
            sha256: string;
            collected_by: string;
            collected_by_id: number | null;
            record_hash: string;
            /** @description when the content was removed under the retention policy */
            purged_at: string | null;
        };
        OsintItem: {
            id: number;
            source_id: number;
            platform: string | null;
            kind: string;
            external_id: string | null;
            url: string | null;
            canonical_url: string | null;
            author: string | null;
            author_url: string | null;
            title: string | null;
            text: string;
            text_truncated: boolean;
            price: number | null;
            currency: string | null;
            posted_at: string | null;
            attributes: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
            score: number;
            scores: {
                [key: string]: number;
            };
            reasons: string[];
            language: string | null;
            model_version: number;
            /** @enum {string|null} */
            confirmed_label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            seller_id: number | null;
            dup_group_id: number;
            reposts: number;
            evidence_id: number;
            locator: string | null;
            first_seen_at: string;
            last_seen_at: string;
            seen_count: number;
        };
        OsintItemDetail: {
            id: number;
            source_id: number;
            platform: string | null;
            kind: string;
            external_id: string | null;
            url: string | null;
            canonical_url: string | null;
            author: string | null;
            author_url: string | null;
            title: string | null;
            text: string;
            text_truncated: boolean;
            price: number | null;
            currency: string | null;
            posted_at: string | null;
            attributes: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign";
            score: number;
            scores: {
                [key: string]: number;
            };
            reasons: string[];
            language: string | null;
            model_version: number;
            /** @enum {string|null} */
            confirmed_label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            seller_id: number | null;
            dup_group_id: number;
            reposts: number;
            evidence_id: number;
            locator: string | null;
            first_seen_at: string;
            last_seen_at: string;
            seen_count: number;
            signals: unknown[];
            entities: {
                [key: string]: unknown;
            };
            captures: {
                evidence_id: number;
                locator: string | null;
                seen_at: string;
            }[];
            group: {
                id: number;
                author: string | null;
                platform: string | null;
                url: string | null;
                seller_id: number | null;
            }[];
            identifiers: {
                kind: string;
                value: string;
            }[];
            /** @description The learned model's calibrated probabilities for the text (decision 0032) */
            model: {
                probabilities: {
                    [key: string]: number;
                };
                trained_on: string;
            } | null;
        };
        OsintSeller: {
            id: number;
            display_name: string;
            score: number;
            /** @enum {string|null} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            reasons: string[];
            item_count: number;
            ad_count: number;
            risky_ad_count: number;
            accounts: {
                platform: string;
                handle: string;
            }[];
            platforms: string[];
            brands: {
                name: string;
                count: number;
            }[];
            cities: {
                name: string;
                count: number;
            }[];
            price_min_mad: number | null;
            price_max_mad: number | null;
            first_seen_at: string | null;
            last_seen_at: string | null;
            open_alerts: number;
        };
        OsintSellerIdentifiers: {
            seller_id: number;
            phones: string[];
            emails: string[];
            handles: {
                platform: string;
                handle: string;
            }[];
            shop_urls: string[];
            company_names: string[];
            addresses: string[];
        };
        OsintSellerDetail: {
            id: number;
            display_name: string;
            score: number;
            /** @enum {string|null} */
            label: "counterfeit" | "health_risk" | "duty_evasion" | "benign" | null;
            reasons: string[];
            item_count: number;
            ad_count: number;
            risky_ad_count: number;
            accounts: {
                platform: string;
                handle: string;
            }[];
            platforms: string[];
            brands: {
                name: string;
                count: number;
            }[];
            cities: {
                name: string;
                count: number;
            }[];
            price_min_mad: number | null;
            price_max_mad: number | null;
            first_seen_at: string | null;
            last_seen_at: string | null;
            open_alerts: number;
            merged_from: number[];
            identifiers: components["schemas"]["OsintSellerIdentifiers"];
        };
        OsintSource: {
            id: number;
            name: string;
            /** @enum {string} */
            type: "feed" | "json_api" | "web" | "file" | "url";
            config: {
                [key: string]: unknown;
            };
            interval_minutes: number | null;
            enabled: boolean;
            owner_id: number | null;
            created_at: string;
            updated_at: string;
            health: {
                next_run_at: string | null;
                running: boolean;
                running_job_id: string | null;
                last_run_at: string | null;
                last_success_at: string | null;
                /** @enum {string|null} */
                last_status: "ok" | "partial" | "failed" | "cancelled" | null;
                last_items: number;
                last_errors: number;
                last_error: string | null;
                total_items: number;
                runs: number;
            };
        };
        OsintRun: {
            id: number;
            source_id: number;
            job_id: string | null;
            started_by: string;
            started_at: string;
            finished_at: string | null;
            /** @enum {string} */
            status: "running" | "ok" | "partial" | "failed" | "cancelled";
            fetched: number;
            skipped: number;
            items_new: number;
            items_seen: number;
            reposts: number;
            errors: number;
            alerts: number;
            problems: {
                where: string;
                /** @enum {string} */
                severity: "error" | "warning";
                code: string;
                message: string;
            }[];
        };
        OsintWatchTerm: {
            id: number;
            /** @enum {string} */
            kind: "brand" | "product" | "keyword" | "phone";
            value: string;
            normalized: string;
            note: string | null;
            active: boolean;
            created_by: number | null;
            created_at: string;
        };
        ModelCardContent: {
            /** @enum {number} */
            version: 1;
            generated_at: string;
            generated_by: string;
            model: {
                id: number;
                name: string;
                /** @enum {string} */
                target: "fraud" | "critical";
                sha256: string;
                trees: number;
                notes: string | null;
                registered_at: string;
            };
            data: {
                from: string;
                to: string;
                lines: number;
                fraud_rate: number | null;
                holdout: {
                    from: string;
                    to: string;
                    lines: number;
                } | null;
            };
            features: {
                used: {
                    name: string;
                    kind: string;
                    gain: number;
                    splits: number;
                }[];
                count: number;
                repeat_profile: boolean;
                excluded: {
                    what: string;
                    why: string;
                }[];
            };
            holdout: {
                auc: number | null;
                precision_at_5: number | null;
                precision_at_10: number | null;
                without_repeat: {
                    auc: number | null;
                    precision_at_5: number | null;
                    precision_at_10: number | null;
                } | null;
            } | null;
            later: {
                from: string;
                to: string;
                lines: number;
                labelled: number;
                all: {
                    n: number;
                    frauds: number;
                    auc: number | null;
                    at: {
                        share: number;
                        precision: number;
                        recall: number;
                        /** @description duties at stake of the caught frauds over all frauds' duties at stake */
                        revenue: number;
                    }[];
                } | null;
                /** @description only the lines identical to no earlier inspected declaration (HS6, origin, value, mass) */
                without_repeats: {
                    n: number;
                    frauds: number;
                    auc: number | null;
                    at: {
                        share: number;
                        precision: number;
                        recall: number;
                        /** @description duties at stake of the caught frauds over all frauds' duties at stake */
                        revenue: number;
                    }[];
                } | null;
            } | null;
            bias: {
                share: number;
                by_office: {
                    group: string;
                    n: number;
                    selected: number;
                    selectionRate: number;
                    precision: number | null;
                    fraudRate: number;
                }[];
                by_origin: {
                    group: string;
                    n: number;
                    selected: number;
                    selectionRate: number;
                    precision: number | null;
                    fraudRate: number;
                }[];
                by_importer_size: {
                    group: string;
                    n: number;
                    selected: number;
                    selectionRate: number;
                    precision: number | null;
                    fraudRate: number;
                }[];
            } | null;
            drift: {
                score_psi: number;
                features: {
                    feature: string;
                    psi: number;
                }[];
                baseline_lines: number;
                current_lines: number;
            } | null;
            limits: string[];
        };
        ModelCard: {
            card: components["schemas"]["ModelCardContent"];
            promotion: {
                /** @enum {string} */
                status: "candidate" | "active" | "retired";
                promoted_by: string | null;
                promoted_at: string | null;
                retired_at: string | null;
            };
        };
        ModelPromotionRequest: {
            id: number;
            model_id: number;
            name: string;
            target: string;
            active_model_id: number | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "stale";
            stale: boolean;
            reason: string;
            requested_by: string;
            requested_at: string;
            decided_by: string | null;
            decision_reason: string | null;
            decided_at: string | null;
            /** @description the card's evaluation on the period after training, as shown when asked (later: null if none) */
            evaluation: {
                [key: string]: unknown;
            };
        };
        ReplayRequest: {
            model_id?: number;
            from: string;
            to: string;
            exploration_share: number;
            /** @default 0.1 */
            inspection_rate: number;
            /**
             * @default [
             *       "exploit",
             *       "hybrid-random",
             *       "hybrid-uncertainty"
             *     ]
             */
            strategies: ("exploit" | "hybrid-random" | "hybrid-uncertainty" | "random")[];
        };
        ModelReplay: {
            id: number;
            job_id: string;
            model_id: number | null;
            from: string;
            to: string;
            exploration_share: number;
            inspection_rate: number;
            strategies: string[];
            lines: number;
            results: {
                /** @enum {string} */
                strategy: "exploit" | "hybrid-random" | "hybrid-uncertainty" | "random";
                precision: number;
                recall: number;
                revenue: number;
                newImporterShare: number;
                finalPrecision: number;
                durationMs: number;
                weeks: {
                    week: number;
                    from: string;
                    lines: number;
                    inspected: number;
                    frauds: number;
                    caught: number;
                    caughtNewImporters: number;
                    dutiesCaught: number;
                    dutiesAll: number;
                    explored: number;
                    caughtByExploration: number;
                    dutiesByExploration: number;
                }[];
            }[];
            created_by: number | null;
            created_at: string;
        };
        ModelVersion: {
            id: number;
            name: string;
            /** @enum {string} */
            target: "fraud" | "critical";
            /** @enum {string} */
            status: "candidate" | "active" | "retired";
            trained_from: string;
            trained_to: string;
            n_lines: number;
            trees: number;
            metrics: {
                [key: string]: unknown;
            };
            notes: string | null;
            created_by: number | null;
            created_at: string;
            promoted_at: string | null;
            retired_at: string | null;
        };
        Case: {
            id: number;
            number: string;
            office: string;
            year: number;
            title: string;
            /** @enum {string} */
            type: "customs_offence" | "counterfeiting" | "health_products" | "smuggling" | "undervaluation" | "origin_fraud" | "prohibited_goods" | "money_laundering" | "other";
            /** @enum {string} */
            status: "open" | "investigation" | "offence_report" | "settled" | "prosecuted" | "closed";
            status_reason: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            assignee: string | null;
            /** @enum {string|null} */
            origin_type: "declaration" | "alert" | "osint_item" | "osint_seller" | "graph_entity" | "valuation_finding" | "intelligence" | "manual" | null;
            origin_ref: string | null;
            summary: string | null;
            report_number: string | null;
            opened_by: string;
            opened_at: string;
            updated_at: string;
            closed_at: string | null;
            operation_id: number | null;
            next_statuses: ("open" | "investigation" | "offence_report" | "settled" | "prosecuted" | "closed")[];
        };
        CaseLink: {
            id: number;
            case_id: number;
            /** @enum {string} */
            target_type: "declaration" | "osint_item" | "osint_seller" | "company" | "trademark" | "graph_entity" | "person" | "vehicle" | "premises";
            target_ref: string;
            note: string | null;
            hold_id: number | null;
            added_by: string;
            added_at: string;
        };
        CaseTask: {
            id: number;
            case_id: number;
            title: string;
            assignee: string | null;
            due_on: string | null;
            /** @enum {string} */
            status: "todo" | "done";
            created_by: string;
            created_at: string;
            done_at: string | null;
        };
        CaseNote: {
            id: number;
            case_id: number;
            body: string;
            author: string;
            created_at: string;
        };
        CaseEvidence: {
            id: number;
            case_id: number;
            file_name: string;
            content_type: string;
            bytes: number;
            sha256: string;
            description: string | null;
            added_by: string;
            added_at: string;
        };
        CaseEvent: {
            id: number;
            at: string;
            actor: string;
            kind: string;
            details: {
                [key: string]: unknown;
            };
        };
        OffenceReport: {
            id: number;
            case_id: number;
            number: string;
            version: number;
            /** @enum {string} */
            lang: "fr" | "ar";
            bytes: number;
            sha256: string;
            generated_by: string;
            generated_at: string;
        };
        TaxLoss: {
            value: number;
            currency: string;
            duty_rate: number;
            /** @enum {string} */
            duty_rate_source: "seizure" | "default";
            vat_rate: number;
            duties: number;
            vat: number;
            total: number;
            unvalued: number;
            seizures?: number;
            method: string;
        };
        SeizureLine: {
            line_no: number;
            description: string;
            hs_code: string | null;
            /** @enum {string} */
            category: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
            quantity: number | null;
            unit: string | null;
            net_mass_kg: number | null;
            estimated_value: number | null;
            brand: string | null;
            rights_holder: string | null;
            health_risk: boolean;
        };
        Seizure: {
            id: number;
            reference: string;
            case_id: number | null;
            seized_on: string;
            office: string;
            place: string | null;
            city: string | null;
            latitude: number | null;
            longitude: number | null;
            description: string;
            hs_code: string | null;
            /** @enum {string} */
            category: "counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other";
            quantity: number | null;
            unit: string | null;
            net_mass_kg: number | null;
            estimated_value: number | null;
            value_method: string | null;
            currency: string;
            brand: string | null;
            rights_holder: string | null;
            health_risk: boolean;
            transport_mode: string | null;
            concealment: string | null;
            /** @enum {string|null} */
            detection_source: "selectivity_rule" | "model" | "random" | "online_monitoring" | "intelligence" | "mutual_assistance" | "operation" | "other" | null;
            officers: string[];
            duty_rate: number | null;
            duties_at_stake: number | null;
            duties_recovered: number | null;
            fines: number | null;
            settlement_amount: number | null;
            /** @enum {string} */
            goods_status: "held" | "destroyed" | "released" | "returned" | "forfeited";
            goods_status_on: string | null;
            operation_id: number | null;
            lines: components["schemas"]["SeizureLine"][];
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        TestPurchase: {
            id: number;
            case_id: number;
            platform: string;
            seller_ref: string | null;
            post_url: string | null;
            account_used: string | null;
            ordered_on: string;
            amount_paid: number | null;
            currency: string;
            payment_method: string | null;
            tracking_number: string | null;
            received_on: string | null;
            /** @enum {string} */
            result: "pending" | "counterfeit" | "genuine" | "not_delivered" | "other";
            result_note: string | null;
            evidence_ids: number[];
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        Takedown: {
            id: number;
            case_id: number;
            platform: string;
            seller_ref: string | null;
            urls: string[];
            legal_basis: string;
            rights_holder: string | null;
            sent_on: string;
            /** @enum {string} */
            status: "pending" | "accepted" | "refused" | "partial";
            answer: string | null;
            answered_on: string | null;
            taken_down_on: string | null;
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        CaseFigures: {
            filters: {
                from?: string;
                to?: string;
                office?: string;
            };
            totals: {
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
                cases: number;
            };
            seizures_by: {
                month: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                office: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                hs_chapter: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                category: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                brand: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
                detection_source: {
                    key: string;
                    seizures: number;
                    lines: number;
                    estimated_value: number;
                    duties_recovered: number;
                    fines: number;
                    settlements: number;
                }[];
            };
            cases_by_status: {
                key: string;
                cases: number;
            }[];
            cases_by_origin: {
                key: string;
                cases: number;
            }[];
            open_cases_by_age_days: {
                key: string;
                cases: number;
            }[];
        };
        Operation: {
            id: number;
            code: string;
            name: string;
            starts_on: string;
            ends_on: string;
            participants: string[];
            threat_categories: ("counterfeit_clothing" | "counterfeit_footwear" | "counterfeit_accessories" | "counterfeit_electronics" | "counterfeit_cosmetics" | "counterfeit_toys" | "counterfeit_spare_parts" | "counterfeit_other" | "medicines" | "medical_products" | "foodstuffs" | "tobacco" | "alcohol" | "drugs" | "weapons" | "waste" | "wildlife_timber" | "cultural_goods" | "cash" | "other")[];
            coordinator: string | null;
            description: string | null;
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        OperationReport: {
            operation: components["schemas"]["Operation"];
            totals: {
                cases: number;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
                net_mass_kg: number;
            };
            by_category: {
                key: string;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
            }[];
            quantities: {
                category: string;
                unit: string;
                lines: number;
                quantity: number;
                net_mass_kg: number;
            }[];
            by_participant: {
                key: string;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
            }[];
            by_detection_source: {
                key: string;
                seizures: number;
                lines: number;
                estimated_value: number;
                duties_at_stake: number;
                duties_recovered: number;
                fines: number;
                settlements: number;
            }[];
            cases_by_type: {
                key: string;
                cases: number;
            }[];
            cases_by_status: {
                key: string;
                cases: number;
            }[];
        };
        GraphNode: {
            id: number;
            type: string;
            key: string;
            label: string;
            hub: boolean;
            depth?: number;
            attributes: {
                [key: string]: unknown;
            };
        };
        GraphEdge: {
            source: number;
            target: number;
            types: string[];
            links: number;
            evidence: {
                link_id: number;
                type: string;
                source_table: string;
                source_id: string;
                first_seen: string | null;
                last_seen: string | null;
                confidence: number;
            }[];
        };
        GraphEntity: {
            id: number;
            type: string;
            key: string;
            label: string;
            attributes: {
                [key: string]: unknown;
            };
            merged_into: number | null;
            hub: boolean;
            manual: boolean;
            note: string | null;
            source_table: string | null;
            source_id: string | null;
        };
        GraphEntityDetail: {
            entity: components["schemas"]["GraphEntity"];
            merged: {
                id: number;
                type: string;
                key: string;
                label: string;
            }[];
            links: {
                total: number;
                limit: number;
                offset: number;
                items: {
                    id: number;
                    type: string;
                    /** @enum {string} */
                    direction: "out" | "in";
                    other: {
                        id: number;
                        type: string;
                        key: string;
                        label: string;
                    };
                    source_table: string;
                    source_id: string;
                    first_seen: string | null;
                    last_seen: string | null;
                    confidence: number;
                    note: string | null;
                    created_by: string | null;
                }[];
            };
        };
        GraphHub: {
            id: number;
            type: string;
            key: string;
            label: string;
            degree: number;
            excluded: boolean;
            updated_at: string;
        };
        GraphExclusion: {
            type: string;
            key: string;
            note: string;
            created_by: string;
            created_at: string;
        };
        GraphNetworkSummary: {
            id: number;
            name: string;
            note: string;
            start_key: string | null;
            created_by: string;
            created_at: string;
        };
        GraphSavedNode: {
            id: number;
            type: string;
            key: string;
            label: string;
            hub: boolean;
            depth?: number;
            attributes: {
                [key: string]: unknown;
            };
            x: number;
            y: number;
            pinned: boolean;
        };
        GraphNetwork: {
            id: number;
            name: string;
            note: string;
            start_key: string | null;
            created_by: string;
            created_at: string;
            filters: {
                types?: string[];
                link_types?: string[];
                since?: string;
                until?: string;
                depth?: number;
            };
            nodes: components["schemas"]["GraphSavedNode"][];
            edges: components["schemas"]["GraphEdge"][];
            merged: number;
            truncated: boolean;
        };
        GraphSuggestion: {
            id: number;
            score: number;
            reasons: string[];
            /** @enum {string} */
            status: "open" | "accepted" | "rejected";
            a: {
                id: number;
                type: string;
                key: string;
                label: string;
            };
            b: {
                id: number;
                type: string;
                key: string;
                label: string;
            };
            decided_by: string | null;
            decided_at: string | null;
            note: string | null;
        };
        GraphNeighbourhood: {
            center: components["schemas"]["GraphNode"];
            nodes: components["schemas"]["GraphNode"][];
            edges: components["schemas"]["GraphEdge"][];
            truncated: boolean;
        };
        GraphPath: {
            from: components["schemas"]["GraphNode"];
            to: components["schemas"]["GraphNode"];
            found: boolean;
            length: number | null;
            nodes: components["schemas"]["GraphNode"][];
            steps: components["schemas"]["GraphEdge"][];
            explored: number;
            truncated: boolean;
        };
        GraphCommunities: {
            communities: {
                id: number;
                size: number;
                types: {
                    [key: string]: number;
                };
                members: {
                    id: number;
                    type: string;
                    key: string;
                    label: string;
                    hub: boolean;
                    depth?: number;
                    attributes: {
                        [key: string]: unknown;
                    };
                    degree: number;
                }[];
            }[];
            components: {
                count: number;
                largest: number;
            };
            nodes: number;
            links: number;
            modularity: number | null;
            truncated: boolean;
        };
        SharingPartner: {
            id: number;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "customs_administration" | "national_agency";
            country: string;
            public_key: string;
            key_id: string;
            endpoint_url: string | null;
            active: boolean;
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        AssistanceRequest: {
            id: number;
            number: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            partner: string;
            partner_name: string;
            partner_reference: string | null;
            legal_basis: string;
            subject: string;
            questions: string;
            deadline: string | null;
            /** @enum {string} */
            status: "draft" | "sent" | "answered" | "closed" | "refused" | "withdrawn";
            status_reason: string | null;
            sent_on: string | null;
            answer: string | null;
            answered_on: string | null;
            overdue: boolean;
            next_statuses: ("draft" | "sent" | "answered" | "closed" | "refused" | "withdrawn")[];
            subjects: {
                /** @enum {string} */
                ref_type: "graph_entity" | "declaration" | "case";
                ref: string;
            }[];
            reminders: {
                reminded_on: string;
                note: string | null;
                created_by: string;
                created_at: string;
            }[];
            created_by: string;
            created_at: string;
            updated_at: string;
            closed_at: string | null;
        };
        SharingGroup: {
            id: number;
            code: string;
            name: string;
            description: string | null;
            nominal_data_allowed: boolean;
            created_by: string;
            created_at: string;
            updated_at: string;
            members: {
                /** @enum {string} */
                member_type: "partner" | "office";
                ref: string;
                name: string | null;
                /** @enum {string} */
                role: "coordinator" | "member" | "observer";
                added_by: string;
                added_at: string;
            }[];
        };
        SharingMessage: {
            id: number;
            message_id: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            partner: string | null;
            group: string | null;
            /** @enum {string} */
            kind: "warning" | "seizure_report" | "request" | "feedback";
            /** @enum {string} */
            distribution: "installation" | "group" | "connected_groups";
            /** @enum {string} */
            marking: "clear" | "green" | "amber" | "amber+strict" | "red";
            title: string;
            payload: {
                [key: string]: unknown;
            };
            payload_sha256: string;
            nominal: boolean;
            source_type: string | null;
            source_ref: string | null;
            sender_key_id: string;
            sent_at: string;
            signature: string;
            recorded_by: string;
            recorded_at: string;
        };
        SharingEnvelope: {
            /** @enum {number} */
            v: 1;
            message_id: string;
            sender: string;
            sent_at: string;
            /** @enum {string} */
            kind: "warning" | "seizure_report" | "request" | "feedback";
            /** @enum {string} */
            distribution: "installation" | "group" | "connected_groups";
            /** @enum {string} */
            marking: "clear" | "green" | "amber" | "amber+strict" | "red";
            group: string | null;
            title: string;
            payload_sha256: string;
            payload: {
                [key: string]: unknown;
            };
            signature: string;
        };
        SharingLedgerEntry: {
            seq: number;
            at: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            partner: string | null;
            group: string | null;
            message_id: string;
            sent_at: string;
            kind: string;
            distribution: string;
            marking: string;
            title: string;
            payload_sha256: string;
            message_signer: string;
            message_signature: string;
            prev_hash: string;
            key_id: string;
            hash: string;
            signature: string;
        };
        SharingLedgerCheckpoint: {
            from_seq: number;
            to_seq: number;
            root: string;
            at: string;
            key_id: string;
            signature: string;
        };
        StixBundle: {
            /** @enum {string} */
            type: "bundle";
            id: string;
            objects: ({
                type: string;
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        ParcelsDashboard: {
            from: string;
            to: string;
            /** @description calendar days in the period */
            days: number;
            totals: {
                /** @description parcels arriving in the period */
                arrived: number;
                /** @description of those, parcels with a pre-arrival score */
                scored: number;
                /** @description scored parcels referred for control (red or yellow) */
                referred: number;
                red: number;
                yellow: number;
                /** @description parcels flagged as part of a split order */
                split_order_parcels: number;
                /** @description the split orders those parcels make */
                split_orders: number;
                /** @description parcels whose recipient's contact is linked to an online seller */
                linked_online_seller: number;
                /** @description parcels with an inspection outcome in force */
                inspected: number;
                /** @description inspected parcels found in fraud */
                fraud: number;
                /** @description assigned parcels not inspected yet whose arrival day is today or past */
                pending: number;
            };
            frauds_by_type: {
                /** @enum {string} */
                fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | "unknown";
                parcels: number;
            }[];
            by_office: {
                /** @description parcels arriving in the period */
                arrived: number;
                /** @description of those, parcels with a pre-arrival score */
                scored: number;
                /** @description scored parcels referred for control (red or yellow) */
                referred: number;
                red: number;
                yellow: number;
                /** @description parcels flagged as part of a split order */
                split_order_parcels: number;
                /** @description the split orders those parcels make */
                split_orders: number;
                /** @description parcels whose recipient's contact is linked to an online seller */
                linked_online_seller: number;
                /** @description parcels with an inspection outcome in force */
                inspected: number;
                /** @description inspected parcels found in fraud */
                fraud: number;
                /** @description assigned parcels not inspected yet whose arrival day is today or past */
                pending: number;
                office: string;
            }[];
            examiners: {
                assigned: number;
                inspected: number;
                pending: number;
                fraud: number;
                /** @description parcels inspected per calendar day of the period */
                inspected_per_day: number;
                days: {
                    day: string;
                    assigned: number;
                    inspected: number;
                }[];
                examiner_id: number;
                username: string;
                name: string;
                office: string;
                active: boolean;
            }[];
            offices: {
                assigned: number;
                inspected: number;
                pending: number;
                fraud: number;
                /** @description parcels inspected per calendar day of the period */
                inspected_per_day: number;
                days: {
                    day: string;
                    assigned: number;
                    inspected: number;
                }[];
                office: string;
                examiners: number;
            }[];
        };
        ParcelExaminer: {
            id: number;
            username: string;
            name: string;
            office: string;
            hs_prefixes: string[];
            kinds: ("postal" | "express")[];
            indicators: ("split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model")[];
            daily_capacity: number;
            active: boolean;
        };
        ParcelInspection: {
            parcel_id: number;
            /** @description the examiner the parcel is assigned to (or who recorded it when unassigned) */
            examiner: string;
            /** @enum {string} */
            result: "compliant" | "fraud" | "not_found";
            /** @enum {string|null} */
            fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
            found_value: number | null;
            found_currency: string | null;
            note: string | null;
            inspected_at: string;
            /** @description who recorded it: the examiner, or a supervisor for them */
            recorded_by: string;
            recorded_at: string;
        };
        ParcelInspectionReplaced: {
            parcel_id: number;
            /** @description the examiner the parcel is assigned to (or who recorded it when unassigned) */
            examiner: string;
            /** @enum {string} */
            result: "compliant" | "fraud" | "not_found";
            /** @enum {string|null} */
            fraud_type: "counterfeit" | "health_risk" | "undervaluation" | "prohibited" | "other" | null;
            found_value: number | null;
            found_currency: string | null;
            note: string | null;
            inspected_at: string;
            /** @description who recorded it: the examiner, or a supervisor for them */
            recorded_by: string;
            recorded_at: string;
            /** @description why it was corrected */
            reason: string;
            corrected_by: string;
            corrected_at: string;
        };
        ParcelModel: {
            id: number;
            name: string;
            version: string;
            /** @description first arrival day of the training parcels */
            from: string;
            /** @description last arrival day of the training parcels */
            to: string;
            /** @description parcels with an outcome (fraud or compliant) it learnt from */
            parcels: number;
            frauds: number;
            /** @description holdout: the latest arrivals held out (from, to, parcels, frauds, auc, referral_rate, precision_at_referral, base_rate, trees); duration_ms */
            metrics: {
                [key: string]: unknown;
            };
            active: boolean;
            trained_by: string;
            trained_at: string;
            activated_by: string | null;
            activated_at: string | null;
        };
        Parcel: {
            id: number;
            carrier: string;
            consignment_number: string;
            /** @enum {string} */
            kind: "postal" | "express";
            master_manifest: string | null;
            sender_name: string;
            sender_address: string | null;
            sender_country: string;
            sender_platform: string | null;
            recipient_name: string;
            recipient_address: string | null;
            recipient_city: string | null;
            recipient_phone: string | null;
            recipient_email: string | null;
            description: string;
            declared_value: number;
            currency: string;
            value_eur: number;
            weight_kg: number | null;
            hs_code: string | null;
            item_count: number;
            arrival_date: string;
            arrival_office: string;
            score: number | null;
            /** @enum {string|null} */
            channel: "red" | "yellow" | "green" | null;
            referred: boolean;
            scored_at: string | null;
        };
        ParcelDetail: {
            id: number;
            carrier: string;
            consignment_number: string;
            /** @enum {string} */
            kind: "postal" | "express";
            master_manifest: string | null;
            sender_name: string;
            sender_address: string | null;
            sender_country: string;
            sender_platform: string | null;
            recipient_name: string;
            recipient_address: string | null;
            recipient_city: string | null;
            recipient_phone: string | null;
            recipient_email: string | null;
            description: string;
            declared_value: number;
            currency: string;
            value_eur: number;
            weight_kg: number | null;
            hs_code: string | null;
            item_count: number;
            arrival_date: string;
            arrival_office: string;
            score: number | null;
            /** @enum {string|null} */
            channel: "red" | "yellow" | "green" | null;
            referred: boolean;
            scored_at: string | null;
            reasons: {
                /** @enum {string} */
                indicator: "split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model";
                points: number;
                message: string;
                evidence: {
                    [key: string]: unknown;
                };
            }[];
            import_id: number | null;
            seizure: {
                id: number;
                reference: string;
                seized_on: string;
            } | null;
            assignment: {
                examiner_id: number;
                username: string;
                name: string;
                basis: string;
                reason: string;
            } | null;
            /** @description what its examiner found, once inspected */
            inspection: components["schemas"]["ParcelInspection"] | null;
            /** @description the outcomes corrections replaced, oldest first */
            inspection_history: components["schemas"]["ParcelInspectionReplaced"][];
        };
        ParcelSettings: {
            threshold_eur: number;
            window_days: number;
            referral_score: number;
            red_score: number;
        };
        ParcelScoreRun: {
            run_id: number;
            from: string;
            to: string;
            parcels: number;
            referred: number;
            red: number;
            split_orders: number;
            split_order_parcels: number;
            goods_wording: number;
            linked_online_seller: number;
            repeat_sender: number;
            /** @description parcels whose sender had fraud found by an examiner in an earlier parcel */
            repeat_sender_fraud: number;
            /** @description the parcel model whose term was added (the active one); null: none is active */
            model: {
                name: string;
                version: string;
            } | null;
            settings: components["schemas"]["ParcelSettings"];
        };
        ParcelExaminerWorkload: {
            examiner_id: number;
            username: string;
            name: string;
            office: string;
            daily_capacity: number;
            active: boolean;
            assigned: number;
            manual: number;
            /** @description assigned parcels linked to a seizure of their goods */
            seized: number;
            /** @description assigned parcels with a recorded outcome */
            inspected: number;
            /** @description inspected parcels found in fraud */
            fraud: number;
            /** @description assigned parcels not inspected yet whose arrival day is today or past */
            pending: number;
            days: {
                day: string;
                assigned: number;
                inspected: number;
            }[];
        };
        ParcelListItem: {
            id: number;
            carrier: string;
            consignment_number: string;
            /** @enum {string} */
            kind: "postal" | "express";
            master_manifest: string | null;
            sender_name: string;
            sender_address: string | null;
            sender_country: string;
            sender_platform: string | null;
            recipient_name: string;
            recipient_address: string | null;
            recipient_city: string | null;
            recipient_phone: string | null;
            recipient_email: string | null;
            description: string;
            declared_value: number;
            currency: string;
            value_eur: number;
            weight_kg: number | null;
            hs_code: string | null;
            item_count: number;
            arrival_date: string;
            arrival_office: string;
            score: number | null;
            /** @enum {string|null} */
            channel: "red" | "yellow" | "green" | null;
            referred: boolean;
            scored_at: string | null;
            /** @description the indicators of the parcel's reasons, largest first (empty when none fired) */
            indicators: ("split_order" | "goods_wording" | "undervalued_brand" | "linked_online_seller" | "repeat_sender" | "repeat_sender_fraud" | "model")[];
            /** @description the name of the examiner it is assigned to */
            examiner: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

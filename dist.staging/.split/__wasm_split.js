import { initSync } from "./anchorpoint.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        sharedImports = { __wasm_split: {  } };
        const { __indirect_function_table, __wasm_split_shared0, memory,  } = initSync(undefined, undefined);
        Object.assign(sharedImports.__wasm_split, { __indirect_function_table, __wasm_split_shared0, memory,  });
    }
    return sharedImports;
}
function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);
    };
    let loadingModule = undefined;
    return () => {
        if (loadingModule === undefined) {
            const thisLoad = loader();
            // Memoize successes only: a rejected load must not be cached for
            // the lifetime of the session, or one transient network failure
            // permanently breaks the module. Clearing on rejection lets the
            // next call (e.g. the Rust side re-invoking load after a failed
            // callback) start a fresh attempt.
            thisLoad.catch(() => {
                if (loadingModule === thisLoad) loadingModule = undefined;
            });
            loadingModule = thisLoad;
        }
        return loadingModule;
    }
}
/* checkins, delete */
const __chunk_14 = makeLoad(() => {
    const src = fetch(new URL("./chunk_14.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor */
const __chunk_15 = makeLoad(() => {
    const src = fetch(new URL("./chunk_15.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry */
const __chunk_16 = makeLoad(() => {
    const src = fetch(new URL("./chunk_16.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry, lock, settings, summary, tags, templates, threads */
const __chunk_17 = makeLoad(() => {
    const src = fetch(new URL("./chunk_17.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_18 = makeLoad(() => {
    const src = fetch(new URL("./chunk_18.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry, lock, tags, templates, threads */
const __chunk_19 = makeLoad(() => {
    const src = fetch(new URL("./chunk_19.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry, lock, threads */
const __chunk_20 = makeLoad(() => {
    const src = fetch(new URL("./chunk_20.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry, settings, summary, tags, templates, threads */
const __chunk_21 = makeLoad(() => {
    const src = fetch(new URL("./chunk_21.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, entry, threads */
const __chunk_22 = makeLoad(() => {
    const src = fetch(new URL("./chunk_22.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, lock, settings, summary, tags, templates, threads */
const __chunk_23 = makeLoad(() => {
    const src = fetch(new URL("./chunk_23.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_24 = makeLoad(() => {
    const src = fetch(new URL("./chunk_24.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, lock, settings, tags, templates, threads */
const __chunk_25 = makeLoad(() => {
    const src = fetch(new URL("./chunk_25.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, settings, summary, tags, templates, threads */
const __chunk_26 = makeLoad(() => {
    const src = fetch(new URL("./chunk_26.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, settings, summary, tags, threads */
const __chunk_27 = makeLoad(() => {
    const src = fetch(new URL("./chunk_27.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, settings, tags, templates, threads */
const __chunk_28 = makeLoad(() => {
    const src = fetch(new URL("./chunk_28.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, settings, tags, threads */
const __chunk_29 = makeLoad(() => {
    const src = fetch(new URL("./chunk_29.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, settings, threads */
const __chunk_30 = makeLoad(() => {
    const src = fetch(new URL("./chunk_30.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, summary, tags, threads */
const __chunk_31 = makeLoad(() => {
    const src = fetch(new URL("./chunk_31.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, tags, templates */
const __chunk_32 = makeLoad(() => {
    const src = fetch(new URL("./chunk_32.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, tags, threads */
const __chunk_33 = makeLoad(() => {
    const src = fetch(new URL("./chunk_33.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, editor, threads */
const __chunk_34 = makeLoad(() => {
    const src = fetch(new URL("./chunk_34.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, entry */
const __chunk_35 = makeLoad(() => {
    const src = fetch(new URL("./chunk_35.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, entry, insights, summary */
const __chunk_36 = makeLoad(() => {
    const src = fetch(new URL("./chunk_36.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, entry, lock, summary, tags, templates, threads */
const __chunk_37 = makeLoad(() => {
    const src = fetch(new URL("./chunk_37.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, entry, threads */
const __chunk_38 = makeLoad(() => {
    const src = fetch(new URL("./chunk_38.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, lock */
const __chunk_39 = makeLoad(() => {
    const src = fetch(new URL("./chunk_39.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, lock, summary, tags, templates, threads */
const __chunk_40 = makeLoad(() => {
    const src = fetch(new URL("./chunk_40.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, delete, summary */
const __chunk_41 = makeLoad(() => {
    const src = fetch(new URL("./chunk_41.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor */
const __chunk_42 = makeLoad(() => {
    const src = fetch(new URL("./chunk_42.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, entry */
const __chunk_43 = makeLoad(() => {
    const src = fetch(new URL("./chunk_43.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, entry, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_44 = makeLoad(() => {
    const src = fetch(new URL("./chunk_44.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, entry, lock, summary */
const __chunk_45 = makeLoad(() => {
    const src = fetch(new URL("./chunk_45.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, insights */
const __chunk_46 = makeLoad(() => {
    const src = fetch(new URL("./chunk_46.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, insights, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_47 = makeLoad(() => {
    const src = fetch(new URL("./chunk_47.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, suggest, summary, tags, templates, threads, unlock */
const __chunk_48 = makeLoad(() => {
    const src = fetch(new URL("./chunk_48.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_49 = makeLoad(() => {
    const src = fetch(new URL("./chunk_49.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, summary, templates, threads, unlock */
const __chunk_50 = makeLoad(() => {
    const src = fetch(new URL("./chunk_50.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, summary, templates, unlock */
const __chunk_51 = makeLoad(() => {
    const src = fetch(new URL("./chunk_51.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, summary, threads, unlock */
const __chunk_52 = makeLoad(() => {
    const src = fetch(new URL("./chunk_52.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, tags, templates, threads */
const __chunk_53 = makeLoad(() => {
    const src = fetch(new URL("./chunk_53.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, settings, tags, templates, threads, unlock */
const __chunk_54 = makeLoad(() => {
    const src = fetch(new URL("./chunk_54.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, lock, summary, tags, templates, threads, unlock */
const __chunk_55 = makeLoad(() => {
    const src = fetch(new URL("./chunk_55.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings */
const __chunk_56 = makeLoad(() => {
    const src = fetch(new URL("./chunk_56.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings, summary, tags, templates */
const __chunk_57 = makeLoad(() => {
    const src = fetch(new URL("./chunk_57.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings, summary, tags, templates, threads */
const __chunk_58 = makeLoad(() => {
    const src = fetch(new URL("./chunk_58.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings, summary, templates, threads */
const __chunk_59 = makeLoad(() => {
    const src = fetch(new URL("./chunk_59.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings, summary, threads */
const __chunk_60 = makeLoad(() => {
    const src = fetch(new URL("./chunk_60.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings, tags, templates */
const __chunk_61 = makeLoad(() => {
    const src = fetch(new URL("./chunk_61.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, settings, tags, templates, threads */
const __chunk_62 = makeLoad(() => {
    const src = fetch(new URL("./chunk_62.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, summary */
const __chunk_63 = makeLoad(() => {
    const src = fetch(new URL("./chunk_63.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, summary, templates, threads */
const __chunk_64 = makeLoad(() => {
    const src = fetch(new URL("./chunk_64.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, editor, summary, threads */
const __chunk_65 = makeLoad(() => {
    const src = fetch(new URL("./chunk_65.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, entry */
const __chunk_66 = makeLoad(() => {
    const src = fetch(new URL("./chunk_66.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, entry, insights */
const __chunk_67 = makeLoad(() => {
    const src = fetch(new URL("./chunk_67.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, entry, lock, settings, templates, unlock */
const __chunk_68 = makeLoad(() => {
    const src = fetch(new URL("./chunk_68.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, entry, settings, summary */
const __chunk_69 = makeLoad(() => {
    const src = fetch(new URL("./chunk_69.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, insights */
const __chunk_70 = makeLoad(() => {
    const src = fetch(new URL("./chunk_70.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, insights, summary */
const __chunk_71 = makeLoad(() => {
    const src = fetch(new URL("./chunk_71.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, insights, summary, threads */
const __chunk_72 = makeLoad(() => {
    const src = fetch(new URL("./chunk_72.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, lock, settings */
const __chunk_73 = makeLoad(() => {
    const src = fetch(new URL("./chunk_73.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_74 = makeLoad(() => {
    const src = fetch(new URL("./chunk_74.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, lock, settings, unlock */
const __chunk_75 = makeLoad(() => {
    const src = fetch(new URL("./chunk_75.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, lock, summary, threads, unlock */
const __chunk_76 = makeLoad(() => {
    const src = fetch(new URL("./chunk_76.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, settings */
const __chunk_77 = makeLoad(() => {
    const src = fetch(new URL("./chunk_77.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, settings, summary, tags, templates, threads */
const __chunk_78 = makeLoad(() => {
    const src = fetch(new URL("./chunk_78.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, settings, summary, templates */
const __chunk_79 = makeLoad(() => {
    const src = fetch(new URL("./chunk_79.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, settings, summary, templates, threads */
const __chunk_80 = makeLoad(() => {
    const src = fetch(new URL("./chunk_80.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, settings, tags, templates, threads */
const __chunk_81 = makeLoad(() => {
    const src = fetch(new URL("./chunk_81.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, settings, templates */
const __chunk_82 = makeLoad(() => {
    const src = fetch(new URL("./chunk_82.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, summary */
const __chunk_83 = makeLoad(() => {
    const src = fetch(new URL("./chunk_83.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, summary, threads */
const __chunk_84 = makeLoad(() => {
    const src = fetch(new URL("./chunk_84.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, tags, templates, threads */
const __chunk_85 = makeLoad(() => {
    const src = fetch(new URL("./chunk_85.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, tags, templates, unlock */
const __chunk_86 = makeLoad(() => {
    const src = fetch(new URL("./chunk_86.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* checkins, threads */
const __chunk_87 = makeLoad(() => {
    const src = fetch(new URL("./chunk_87.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor */
const __chunk_88 = makeLoad(() => {
    const src = fetch(new URL("./chunk_88.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor, entry */
const __chunk_89 = makeLoad(() => {
    const src = fetch(new URL("./chunk_89.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor, entry, tags */
const __chunk_90 = makeLoad(() => {
    const src = fetch(new URL("./chunk_90.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor, summary, tags, templates, threads */
const __chunk_91 = makeLoad(() => {
    const src = fetch(new URL("./chunk_91.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor, tags */
const __chunk_92 = makeLoad(() => {
    const src = fetch(new URL("./chunk_92.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor, tags, templates, threads */
const __chunk_93 = makeLoad(() => {
    const src = fetch(new URL("./chunk_93.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, editor, threads */
const __chunk_94 = makeLoad(() => {
    const src = fetch(new URL("./chunk_94.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, entry */
const __chunk_95 = makeLoad(() => {
    const src = fetch(new URL("./chunk_95.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, entry, templates, threads */
const __chunk_96 = makeLoad(() => {
    const src = fetch(new URL("./chunk_96.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, summary, tags, templates, threads */
const __chunk_97 = makeLoad(() => {
    const src = fetch(new URL("./chunk_97.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, tags, templates */
const __chunk_98 = makeLoad(() => {
    const src = fetch(new URL("./chunk_98.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, tags, templates, threads */
const __chunk_99 = makeLoad(() => {
    const src = fetch(new URL("./chunk_99.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* delete, threads */
const __chunk_100 = makeLoad(() => {
    const src = fetch(new URL("./chunk_100.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, entry */
const __chunk_101 = makeLoad(() => {
    const src = fetch(new URL("./chunk_101.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, entry, settings, summary */
const __chunk_102 = makeLoad(() => {
    const src = fetch(new URL("./chunk_102.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, entry, summary */
const __chunk_103 = makeLoad(() => {
    const src = fetch(new URL("./chunk_103.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, entry, summary, threads */
const __chunk_104 = makeLoad(() => {
    const src = fetch(new URL("./chunk_104.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, entry, tags */
const __chunk_105 = makeLoad(() => {
    const src = fetch(new URL("./chunk_105.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, entry, threads */
const __chunk_106 = makeLoad(() => {
    const src = fetch(new URL("./chunk_106.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, insights, summary */
const __chunk_107 = makeLoad(() => {
    const src = fetch(new URL("./chunk_107.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, insights, summary, tags */
const __chunk_108 = makeLoad(() => {
    const src = fetch(new URL("./chunk_108.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock */
const __chunk_109 = makeLoad(() => {
    const src = fetch(new URL("./chunk_109.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, settings, summary */
const __chunk_110 = makeLoad(() => {
    const src = fetch(new URL("./chunk_110.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, settings, summary, tags, templates, threads */
const __chunk_111 = makeLoad(() => {
    const src = fetch(new URL("./chunk_111.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, settings, summary, tags, templates, threads, unlock */
const __chunk_112 = makeLoad(() => {
    const src = fetch(new URL("./chunk_112.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, settings, unlock */
const __chunk_113 = makeLoad(() => {
    const src = fetch(new URL("./chunk_113.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, summary, unlock */
const __chunk_114 = makeLoad(() => {
    const src = fetch(new URL("./chunk_114.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, templates, unlock */
const __chunk_115 = makeLoad(() => {
    const src = fetch(new URL("./chunk_115.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, lock, unlock */
const __chunk_116 = makeLoad(() => {
    const src = fetch(new URL("./chunk_116.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, settings */
const __chunk_117 = makeLoad(() => {
    const src = fetch(new URL("./chunk_117.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, settings, summary, tags */
const __chunk_118 = makeLoad(() => {
    const src = fetch(new URL("./chunk_118.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, settings, summary, templates */
const __chunk_119 = makeLoad(() => {
    const src = fetch(new URL("./chunk_119.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, settings, summary, threads */
const __chunk_120 = makeLoad(() => {
    const src = fetch(new URL("./chunk_120.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, settings, tags */
const __chunk_121 = makeLoad(() => {
    const src = fetch(new URL("./chunk_121.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, settings, templates */
const __chunk_122 = makeLoad(() => {
    const src = fetch(new URL("./chunk_122.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, summary */
const __chunk_123 = makeLoad(() => {
    const src = fetch(new URL("./chunk_123.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, summary, tags, templates */
const __chunk_124 = makeLoad(() => {
    const src = fetch(new URL("./chunk_124.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, summary, tags, templates, threads */
const __chunk_125 = makeLoad(() => {
    const src = fetch(new URL("./chunk_125.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, summary, templates */
const __chunk_126 = makeLoad(() => {
    const src = fetch(new URL("./chunk_126.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, summary, templates, threads */
const __chunk_127 = makeLoad(() => {
    const src = fetch(new URL("./chunk_127.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, summary, threads */
const __chunk_128 = makeLoad(() => {
    const src = fetch(new URL("./chunk_128.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, tags */
const __chunk_129 = makeLoad(() => {
    const src = fetch(new URL("./chunk_129.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, tags, templates */
const __chunk_130 = makeLoad(() => {
    const src = fetch(new URL("./chunk_130.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, tags, templates, threads */
const __chunk_131 = makeLoad(() => {
    const src = fetch(new URL("./chunk_131.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, tags, threads */
const __chunk_132 = makeLoad(() => {
    const src = fetch(new URL("./chunk_132.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, templates */
const __chunk_133 = makeLoad(() => {
    const src = fetch(new URL("./chunk_133.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* editor, threads */
const __chunk_134 = makeLoad(() => {
    const src = fetch(new URL("./chunk_134.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, insights */
const __chunk_135 = makeLoad(() => {
    const src = fetch(new URL("./chunk_135.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, insights, summary, tags, templates, threads */
const __chunk_136 = makeLoad(() => {
    const src = fetch(new URL("./chunk_136.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, lock, settings */
const __chunk_137 = makeLoad(() => {
    const src = fetch(new URL("./chunk_137.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, lock, settings, templates, threads, unlock */
const __chunk_138 = makeLoad(() => {
    const src = fetch(new URL("./chunk_138.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, settings, summary */
const __chunk_139 = makeLoad(() => {
    const src = fetch(new URL("./chunk_139.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, settings, summary, tags, templates, threads */
const __chunk_140 = makeLoad(() => {
    const src = fetch(new URL("./chunk_140.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, settings, summary, templates */
const __chunk_141 = makeLoad(() => {
    const src = fetch(new URL("./chunk_141.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, summary */
const __chunk_142 = makeLoad(() => {
    const src = fetch(new URL("./chunk_142.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, summary, tags, templates, threads */
const __chunk_143 = makeLoad(() => {
    const src = fetch(new URL("./chunk_143.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, summary, tags, threads */
const __chunk_144 = makeLoad(() => {
    const src = fetch(new URL("./chunk_144.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, summary, threads */
const __chunk_145 = makeLoad(() => {
    const src = fetch(new URL("./chunk_145.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* entry, threads */
const __chunk_146 = makeLoad(() => {
    const src = fetch(new URL("./chunk_146.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* insights, lock, summary, threads */
const __chunk_147 = makeLoad(() => {
    const src = fetch(new URL("./chunk_147.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* insights, lock, summary, unlock */
const __chunk_148 = makeLoad(() => {
    const src = fetch(new URL("./chunk_148.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* insights, settings, summary */
const __chunk_149 = makeLoad(() => {
    const src = fetch(new URL("./chunk_149.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* insights, summary */
const __chunk_150 = makeLoad(() => {
    const src = fetch(new URL("./chunk_150.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* insights, summary, threads */
const __chunk_151 = makeLoad(() => {
    const src = fetch(new URL("./chunk_151.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, settings */
const __chunk_152 = makeLoad(() => {
    const src = fetch(new URL("./chunk_152.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, settings, summary, tags, templates, threads, unlock */
const __chunk_153 = makeLoad(() => {
    const src = fetch(new URL("./chunk_153.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, settings, tags */
const __chunk_154 = makeLoad(() => {
    const src = fetch(new URL("./chunk_154.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, settings, tags, templates, unlock */
const __chunk_155 = makeLoad(() => {
    const src = fetch(new URL("./chunk_155.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, settings, templates, threads, unlock */
const __chunk_156 = makeLoad(() => {
    const src = fetch(new URL("./chunk_156.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, settings, unlock */
const __chunk_157 = makeLoad(() => {
    const src = fetch(new URL("./chunk_157.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, summary, tags, templates, threads */
const __chunk_158 = makeLoad(() => {
    const src = fetch(new URL("./chunk_158.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, summary, threads */
const __chunk_159 = makeLoad(() => {
    const src = fetch(new URL("./chunk_159.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, summary, threads, unlock */
const __chunk_160 = makeLoad(() => {
    const src = fetch(new URL("./chunk_160.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, tags, templates */
const __chunk_161 = makeLoad(() => {
    const src = fetch(new URL("./chunk_161.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, tags, threads */
const __chunk_162 = makeLoad(() => {
    const src = fetch(new URL("./chunk_162.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, templates, threads */
const __chunk_163 = makeLoad(() => {
    const src = fetch(new URL("./chunk_163.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, threads */
const __chunk_164 = makeLoad(() => {
    const src = fetch(new URL("./chunk_164.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, threads, unlock */
const __chunk_165 = makeLoad(() => {
    const src = fetch(new URL("./chunk_165.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* lock, unlock */
const __chunk_166 = makeLoad(() => {
    const src = fetch(new URL("./chunk_166.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* settings, summary */
const __chunk_167 = makeLoad(() => {
    const src = fetch(new URL("./chunk_167.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* settings, summary, tags, templates, threads */
const __chunk_168 = makeLoad(() => {
    const src = fetch(new URL("./chunk_168.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* settings, summary, threads */
const __chunk_169 = makeLoad(() => {
    const src = fetch(new URL("./chunk_169.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* settings, tags, templates */
const __chunk_170 = makeLoad(() => {
    const src = fetch(new URL("./chunk_170.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* settings, templates */
const __chunk_171 = makeLoad(() => {
    const src = fetch(new URL("./chunk_171.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* settings, threads */
const __chunk_172 = makeLoad(() => {
    const src = fetch(new URL("./chunk_172.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* suggest, summary, templates */
const __chunk_173 = makeLoad(() => {
    const src = fetch(new URL("./chunk_173.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* suggest, summary, templates, threads */
const __chunk_174 = makeLoad(() => {
    const src = fetch(new URL("./chunk_174.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, tags */
const __chunk_175 = makeLoad(() => {
    const src = fetch(new URL("./chunk_175.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, tags, templates */
const __chunk_176 = makeLoad(() => {
    const src = fetch(new URL("./chunk_176.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, tags, templates, threads */
const __chunk_177 = makeLoad(() => {
    const src = fetch(new URL("./chunk_177.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, tags, threads */
const __chunk_178 = makeLoad(() => {
    const src = fetch(new URL("./chunk_178.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, templates */
const __chunk_179 = makeLoad(() => {
    const src = fetch(new URL("./chunk_179.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, templates, threads */
const __chunk_180 = makeLoad(() => {
    const src = fetch(new URL("./chunk_180.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, threads */
const __chunk_181 = makeLoad(() => {
    const src = fetch(new URL("./chunk_181.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* summary, unlock */
const __chunk_182 = makeLoad(() => {
    const src = fetch(new URL("./chunk_182.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* tags, templates */
const __chunk_183 = makeLoad(() => {
    const src = fetch(new URL("./chunk_183.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* tags, templates, threads */
const __chunk_184 = makeLoad(() => {
    const src = fetch(new URL("./chunk_184.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* tags, threads */
const __chunk_185 = makeLoad(() => {
    const src = fetch(new URL("./chunk_185.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_unlock = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_unlock.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_18, __chunk_24, __chunk_44, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_54, __chunk_55, __chunk_68, __chunk_74, __chunk_75, __chunk_76, __chunk_86, __chunk_112, __chunk_113, __chunk_114, __chunk_115, __chunk_116, __chunk_138, __chunk_148, __chunk_153, __chunk_155, __chunk_156, __chunk_157, __chunk_160, __chunk_165, __chunk_166, __chunk_182]));
export const __wasm_split_load_threads = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_threads.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_29, __chunk_30, __chunk_31, __chunk_33, __chunk_34, __chunk_37, __chunk_38, __chunk_40, __chunk_44, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_58, __chunk_59, __chunk_60, __chunk_62, __chunk_64, __chunk_65, __chunk_72, __chunk_74, __chunk_76, __chunk_78, __chunk_80, __chunk_81, __chunk_84, __chunk_85, __chunk_87, __chunk_91, __chunk_93, __chunk_94, __chunk_96, __chunk_97, __chunk_99, __chunk_100, __chunk_104, __chunk_106, __chunk_111, __chunk_112, __chunk_120, __chunk_125, __chunk_127, __chunk_128, __chunk_131, __chunk_132, __chunk_134, __chunk_136, __chunk_138, __chunk_140, __chunk_143, __chunk_144, __chunk_145, __chunk_146, __chunk_147, __chunk_151, __chunk_153, __chunk_156, __chunk_158, __chunk_159, __chunk_160, __chunk_162, __chunk_163, __chunk_164, __chunk_165, __chunk_168, __chunk_169, __chunk_172, __chunk_174, __chunk_177, __chunk_178, __chunk_180, __chunk_181, __chunk_184, __chunk_185]));
export const __wasm_split_load_templates = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_templates.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18, __chunk_19, __chunk_21, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_28, __chunk_32, __chunk_37, __chunk_40, __chunk_44, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_53, __chunk_54, __chunk_55, __chunk_57, __chunk_58, __chunk_59, __chunk_61, __chunk_62, __chunk_64, __chunk_68, __chunk_74, __chunk_78, __chunk_79, __chunk_80, __chunk_81, __chunk_82, __chunk_85, __chunk_86, __chunk_91, __chunk_93, __chunk_96, __chunk_97, __chunk_98, __chunk_99, __chunk_111, __chunk_112, __chunk_115, __chunk_119, __chunk_122, __chunk_124, __chunk_125, __chunk_126, __chunk_127, __chunk_130, __chunk_131, __chunk_133, __chunk_136, __chunk_138, __chunk_140, __chunk_141, __chunk_143, __chunk_153, __chunk_155, __chunk_156, __chunk_158, __chunk_161, __chunk_163, __chunk_168, __chunk_170, __chunk_171, __chunk_173, __chunk_174, __chunk_176, __chunk_177, __chunk_179, __chunk_180, __chunk_183, __chunk_184]));
export const __wasm_split_load_tags = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_tags.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18, __chunk_19, __chunk_21, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_29, __chunk_31, __chunk_32, __chunk_33, __chunk_37, __chunk_40, __chunk_44, __chunk_47, __chunk_48, __chunk_49, __chunk_53, __chunk_54, __chunk_55, __chunk_57, __chunk_58, __chunk_61, __chunk_62, __chunk_74, __chunk_78, __chunk_81, __chunk_85, __chunk_86, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_97, __chunk_98, __chunk_99, __chunk_105, __chunk_108, __chunk_111, __chunk_112, __chunk_118, __chunk_121, __chunk_124, __chunk_125, __chunk_129, __chunk_130, __chunk_131, __chunk_132, __chunk_136, __chunk_140, __chunk_143, __chunk_144, __chunk_153, __chunk_154, __chunk_155, __chunk_158, __chunk_161, __chunk_162, __chunk_168, __chunk_170, __chunk_175, __chunk_176, __chunk_177, __chunk_178, __chunk_183, __chunk_184, __chunk_185]));
export const __wasm_split_load_summary = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_summary.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18, __chunk_21, __chunk_23, __chunk_24, __chunk_26, __chunk_27, __chunk_31, __chunk_36, __chunk_37, __chunk_40, __chunk_41, __chunk_44, __chunk_45, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_55, __chunk_57, __chunk_58, __chunk_59, __chunk_60, __chunk_63, __chunk_64, __chunk_65, __chunk_69, __chunk_71, __chunk_72, __chunk_74, __chunk_76, __chunk_78, __chunk_79, __chunk_80, __chunk_83, __chunk_84, __chunk_91, __chunk_97, __chunk_102, __chunk_103, __chunk_104, __chunk_107, __chunk_108, __chunk_110, __chunk_111, __chunk_112, __chunk_114, __chunk_118, __chunk_119, __chunk_120, __chunk_123, __chunk_124, __chunk_125, __chunk_126, __chunk_127, __chunk_128, __chunk_136, __chunk_139, __chunk_140, __chunk_141, __chunk_142, __chunk_143, __chunk_144, __chunk_145, __chunk_147, __chunk_148, __chunk_149, __chunk_150, __chunk_151, __chunk_153, __chunk_158, __chunk_159, __chunk_160, __chunk_167, __chunk_168, __chunk_169, __chunk_173, __chunk_174, __chunk_175, __chunk_176, __chunk_177, __chunk_178, __chunk_179, __chunk_180, __chunk_181, __chunk_182]));
export const __wasm_split_load_suggest = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_suggest.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_48, __chunk_173, __chunk_174]));
export const __wasm_split_load_settings = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_settings.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18, __chunk_21, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_29, __chunk_30, __chunk_44, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_56, __chunk_57, __chunk_58, __chunk_59, __chunk_60, __chunk_61, __chunk_62, __chunk_68, __chunk_69, __chunk_73, __chunk_74, __chunk_75, __chunk_77, __chunk_78, __chunk_79, __chunk_80, __chunk_81, __chunk_82, __chunk_102, __chunk_110, __chunk_111, __chunk_112, __chunk_113, __chunk_117, __chunk_118, __chunk_119, __chunk_120, __chunk_121, __chunk_122, __chunk_137, __chunk_138, __chunk_139, __chunk_140, __chunk_141, __chunk_149, __chunk_152, __chunk_153, __chunk_154, __chunk_155, __chunk_156, __chunk_157, __chunk_167, __chunk_168, __chunk_169, __chunk_170, __chunk_171, __chunk_172]));
export const __wasm_split_load_lock = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_lock.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_23, __chunk_24, __chunk_25, __chunk_37, __chunk_39, __chunk_40, __chunk_44, __chunk_45, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_68, __chunk_73, __chunk_74, __chunk_75, __chunk_76, __chunk_109, __chunk_110, __chunk_111, __chunk_112, __chunk_113, __chunk_114, __chunk_115, __chunk_116, __chunk_137, __chunk_138, __chunk_147, __chunk_148, __chunk_152, __chunk_153, __chunk_154, __chunk_155, __chunk_156, __chunk_157, __chunk_158, __chunk_159, __chunk_160, __chunk_161, __chunk_162, __chunk_163, __chunk_164, __chunk_165, __chunk_166]));
export const __wasm_split_load_insights = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_insights.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_36, __chunk_46, __chunk_47, __chunk_67, __chunk_70, __chunk_71, __chunk_72, __chunk_107, __chunk_108, __chunk_135, __chunk_136, __chunk_147, __chunk_148, __chunk_149, __chunk_150, __chunk_151]));
export const __wasm_split_load_entry = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_entry.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_16, __chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_35, __chunk_36, __chunk_37, __chunk_38, __chunk_43, __chunk_44, __chunk_45, __chunk_66, __chunk_67, __chunk_68, __chunk_69, __chunk_89, __chunk_90, __chunk_95, __chunk_96, __chunk_101, __chunk_102, __chunk_103, __chunk_104, __chunk_105, __chunk_106, __chunk_135, __chunk_136, __chunk_137, __chunk_138, __chunk_139, __chunk_140, __chunk_141, __chunk_142, __chunk_143, __chunk_144, __chunk_145, __chunk_146]));
export const __wasm_split_load_editor = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_editor.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_16, __chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_29, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_42, __chunk_43, __chunk_44, __chunk_45, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_56, __chunk_57, __chunk_58, __chunk_59, __chunk_60, __chunk_61, __chunk_62, __chunk_63, __chunk_64, __chunk_65, __chunk_88, __chunk_89, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_94, __chunk_101, __chunk_102, __chunk_103, __chunk_104, __chunk_105, __chunk_106, __chunk_107, __chunk_108, __chunk_109, __chunk_110, __chunk_111, __chunk_112, __chunk_113, __chunk_114, __chunk_115, __chunk_116, __chunk_117, __chunk_118, __chunk_119, __chunk_120, __chunk_121, __chunk_122, __chunk_123, __chunk_124, __chunk_125, __chunk_126, __chunk_127, __chunk_128, __chunk_129, __chunk_130, __chunk_131, __chunk_132, __chunk_133, __chunk_134]));
export const __wasm_split_load_delete = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_delete.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_14, __chunk_15, __chunk_16, __chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_29, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_35, __chunk_36, __chunk_37, __chunk_38, __chunk_39, __chunk_40, __chunk_41, __chunk_88, __chunk_89, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_94, __chunk_95, __chunk_96, __chunk_97, __chunk_98, __chunk_99, __chunk_100]));
export const __wasm_split_load_checkins = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_checkins.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_14, __chunk_15, __chunk_16, __chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_29, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_35, __chunk_36, __chunk_37, __chunk_38, __chunk_39, __chunk_40, __chunk_41, __chunk_42, __chunk_43, __chunk_44, __chunk_45, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_56, __chunk_57, __chunk_58, __chunk_59, __chunk_60, __chunk_61, __chunk_62, __chunk_63, __chunk_64, __chunk_65, __chunk_66, __chunk_67, __chunk_68, __chunk_69, __chunk_70, __chunk_71, __chunk_72, __chunk_73, __chunk_74, __chunk_75, __chunk_76, __chunk_77, __chunk_78, __chunk_79, __chunk_80, __chunk_81, __chunk_82, __chunk_83, __chunk_84, __chunk_85, __chunk_86, __chunk_87]));

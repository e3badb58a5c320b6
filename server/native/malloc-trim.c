// `trim()`: glibc's malloc_trim(0), which returns to the system the free pages inside malloc's heaps, not only
// at their top. After a burst, glibc keeps what the burst freed: after bench:collab's scenario (d) a collab
// server held 10 MiB of such pages. Elsewhere (musl, macOS, Windows) `trim()` does nothing and returns false.
// Built by scripts/build-native.ts; loaded by server/malloc-trim.ts.
#include <stdlib.h>
#include <node_api.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static napi_value Trim(napi_env env, napi_callback_info info) {
  (void)info;
  int released = 0;
#if defined(__GLIBC__)
  released = malloc_trim(0);
#endif
  napi_value result;
  napi_get_boolean(env, released != 0, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value trim;
  napi_create_function(env, "trim", NAPI_AUTO_LENGTH, Trim, NULL, &trim);
  napi_set_named_property(env, exports, "trim", trim);
  return exports;
}

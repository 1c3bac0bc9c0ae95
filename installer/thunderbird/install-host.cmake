# Run by `cmake --install` / CPack (install(SCRIPT) in CMakeLists.txt): writes the native-host
# wrapper and the host manifest for the prefix being installed to, and installs them.
set(_prefix "${CMAKE_INSTALL_PREFIX}")
set(SEALCHECK_CLI_PATH "${_prefix}/${SEALCHECK_TB_BINDIR}/sealcheck-cli")
set(SEALCHECK_NATIVE_HOST_PATH "${_prefix}/lib/sealcheck/sealcheck-native-host")
if(_prefix STREQUAL "/usr")
  set(_hosts /usr/lib/mozilla/native-messaging-hosts) # where Thunderbird on Debian looks
else()
  set(_hosts "${_prefix}/lib/mozilla/native-messaging-hosts")
endif()
configure_file("${SEALCHECK_TB_SOURCE}/sealcheck-native-host.in" "${SEALCHECK_TB_STAGE}/sealcheck-native-host" @ONLY)
configure_file("${SEALCHECK_TB_SOURCE}/org.sealcheck.native.json.in" "${SEALCHECK_TB_STAGE}/org.sealcheck.native.json" @ONLY)
file(INSTALL DESTINATION "${_prefix}/lib/sealcheck" TYPE PROGRAM FILES "${SEALCHECK_TB_STAGE}/sealcheck-native-host")
file(INSTALL DESTINATION "${_hosts}" TYPE FILE FILES "${SEALCHECK_TB_STAGE}/org.sealcheck.native.json")

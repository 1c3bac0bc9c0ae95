# The compiler flags of Sealcheck's Debian build, in one place. debian/rules includes this file;
# scripts/setup.sh configures the normal build (build/) with the same flags
# (`make -s -f installer/debian/buildflags.mk print-cxxflags`), so the tests run against code
# compiled as the package compiles it, and the package build (scripts/package.sh, checked in CI by
# installer_package) finds every object in ccache instead of compiling the programs again.

# Sealcheck parses hostile input: every hardening flag dpkg-buildflags knows (stack protector,
# _FORTIFY_SOURCE=2, relro + BIND_NOW, PIE).
export DEB_BUILD_MAINT_OPTIONS = hardening=+all
# Also what dpkg-buildflags adds by itself from Debian 13 on, and hardening-check asks for: stack
# clash protection, and control-flow protection (CET) on x86.
include /usr/share/dpkg/architecture.mk
export DEB_CXXFLAGS_MAINT_APPEND = -fstack-clash-protection
ifneq (,$(filter amd64 i386,$(DEB_HOST_ARCH_CPU)))
export DEB_CXXFLAGS_MAINT_APPEND += -fcf-protection
endif

# What dh_auto_configure hands CMake: CXXFLAGS with CPPFLAGS appended (CMake ignores CPPFLAGS).
# DEB_BUILD_PATH names the source tree the package is built in (its -ffile-prefix-map).
.PHONY: print-cxxflags
print-cxxflags:
	@echo "$$(dpkg-buildflags --get CXXFLAGS) $$(dpkg-buildflags --get CPPFLAGS)"

# Installing leeway like a tool, and the Debian package.
#   cmake --install build [--prefix DIR]   bin/leeway, a man page per command,
#                                           bash and zsh completions, the docs
#   cpack --config build/CPackConfig.cmake -G DEB
#                                           leeway_<version>_<arch>.deb, its Depends
#                                           read off the binary by dpkg-shlibdeps
# The templates and docs/diagnostics.md are carried inside the binary
# (compiler/core/assets), so there is nothing else for it to find.
include(GNUInstallDirs)
install(TARGETS leeway RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The man pages and completions are written by the built binary itself: the
# pages by help2man from each command's --help (ci/man_pages.sh), the
# completions by `leeway completions`. Part of the default build when
# help2man is there; `cmake --build build --target leeway` skips them.
find_program(HELP2MAN help2man)
set(LEEWAY_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(LEEWAY_COMPLETIONS_DIR ${PROJECT_BINARY_DIR}/completions)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${LEEWAY_MAN_DIR}/leeway.1.gz
    COMMAND bash ${PROJECT_SOURCE_DIR}/ci/man_pages.sh $<TARGET_FILE:leeway> ${LEEWAY_MAN_DIR} ${PROJECT_VERSION}
    DEPENDS leeway ${PROJECT_SOURCE_DIR}/ci/man_pages.sh
    COMMENT "Man pages from each command's --help"
    VERBATIM)
  add_custom_target(man ALL DEPENDS ${LEEWAY_MAN_DIR}/leeway.1.gz)
  install(DIRECTORY ${LEEWAY_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1.gz")
endif()
add_custom_command(
  OUTPUT ${LEEWAY_COMPLETIONS_DIR}/leeway ${LEEWAY_COMPLETIONS_DIR}/_leeway
  COMMAND ${CMAKE_COMMAND} -E make_directory ${LEEWAY_COMPLETIONS_DIR}
  COMMAND sh -c "\"$1\" completions bash > \"$2/leeway\" && \"$1\" completions zsh > \"$2/_leeway\"" sh $<TARGET_FILE:leeway> ${LEEWAY_COMPLETIONS_DIR}
  DEPENDS leeway
  COMMENT "Shell completions"
  VERBATIM)
add_custom_target(completions ALL DEPENDS ${LEEWAY_COMPLETIONS_DIR}/leeway ${LEEWAY_COMPLETIONS_DIR}/_leeway)
install(FILES ${LEEWAY_COMPLETIONS_DIR}/leeway DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${LEEWAY_COMPLETIONS_DIR}/_leeway DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY policies/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/policies)

# The Debian package. Depends: the shared libraries the binary links, as
# dpkg-shlibdeps finds them, plus the programs it runs.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME leeway)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "leeway maintainers <leeway@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiles customer-service policies into checked rules, exceptions and lines")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "leeway checks a Git repository of customer-service policies (rules, the exceptions\n staff may grant and the lines no exception crosses) and publishes handbooks,\n pocket cards, grids and case reviews from it.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "pandoc, weasyprint, fonts-dejavu-core, librsvg2-bin")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "graphviz, git")
set(CPACK_STRIP_FILES ON)
include(CPack)

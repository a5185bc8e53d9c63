; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; winget's manifest runs the installer with --package-manager=winget (InstallerSwitches.Custom): the installed app
; then finds resources\package-manager and leaves updating to winget (main/core/updates/install-source.ts). Any
; other install, including the app's own updates, removes the mark.
!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "--package-manager=" $R1
  ${IfNot} ${Errors}
    FileOpen $R2 "$INSTDIR\resources\package-manager" w
    FileWrite $R2 "$R1"
    FileClose $R2
  ${Else}
    Delete "$INSTDIR\resources\package-manager"
  ${EndIf}
!macroend

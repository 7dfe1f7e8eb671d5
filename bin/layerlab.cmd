@echo off
rem Starts LayerLab on Windows: the window (no arguments, or a project file) or a command (train, validate, ...).
rem Uses %JAVA_HOME%\bin\java.exe when set, else java on PATH (Java 17 or newer), with the Vector API module.
setlocal
set "HERE=%~dp0.."
if "%LAYERLAB_JAR%"=="" set "LAYERLAB_JAR=%HERE%\target\layerlab.jar"
if not exist "%LAYERLAB_JAR%" (
  echo layerlab: %LAYERLAB_JAR% is missing: build it with "mvn -B package -DskipTests" 1>&2
  exit /b 2
)
set "JAVA=java"
if not "%JAVA_HOME%"=="" if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" --add-modules jdk.incubator.vector %LAYERLAB_JAVA_OPTS% -jar "%LAYERLAB_JAR%" %*
exit /b %ERRORLEVEL%

# syntax=docker/dockerfile:1
# Build with the SDK, run on the ASP.NET runtime as a non-root user on port 8080.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Interoffice.Web/Interoffice.Web.csproj src/Interoffice.Web/
RUN dotnet restore src/Interoffice.Web/Interoffice.Web.csproj
COPY src/ src/
RUN dotnet publish src/Interoffice.Web/Interoffice.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Behind a reverse proxy, name it: -e ForwardedHeaders__KnownProxies__0=10.0.0.2 (see the README).
ENV ASPNETCORE_HTTP_PORTS=8080
COPY --from=build /app .
# The SQLite database (the default provider) and nothing else that must outlive the container.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
VOLUME /app/App_Data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Interoffice.Web.dll"]

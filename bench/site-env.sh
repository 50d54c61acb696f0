# Sourced by the benchmarks: the site as in production with every third-party service on (the heaviest first visit).
# The ids are clearly not real. The caller adds its own database, address and port.
export ASPNETCORE_ENVIRONMENT=Production
export Consent__Services__GoogleAnalytics__Id=G-BENCH12345
export Consent__Services__Hotjar__Id=3000001
export Consent__Services__GoogleAds__Id=AW-4000000001
export Consent__Services__MetaPixel__Id=5000000000000001
export Consent__Services__LinkedInInsight__Id=6000001
export Consent__Services__YouTube__Enabled=true
export Site__AboutVideoId=abcdefghijk

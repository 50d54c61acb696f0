namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>A command-line verb (<c>migrate</c>, <c>staff …</c>): runs instead of the web server and gives the exit code.</summary>
/// <param name="services">The site's services, as the web server would have them.</param>
/// <param name="args">The whole command line, the verb first.</param>
public delegate Task<int> Verb(IServiceProvider services, string[] args);

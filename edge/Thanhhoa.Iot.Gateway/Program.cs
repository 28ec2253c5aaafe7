using Thanhhoa.Iot.Gateway.Cli;

// thgw: one executable for the gateway service and the technician's verbs. Composition only.
return await GatewayCli.InvokeAsync(args);
